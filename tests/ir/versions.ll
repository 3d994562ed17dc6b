; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr }

@polc_schema = constant [2441 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\89\88\E6\9C\AC\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/versions.pol\22,\22sha256\22:\22740f4ecf8232dd5711a11139ee82229804820484540451756b4ef4796d3bda4c\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Level\22,\22members\22:[{\22name\22:\22township\22,\22label\22:\22\E4\B9\A1\E9\95\87\22},{\22name\22:\22county\22,\22label\22:\22\E5\8E\BF\E5\8C\BA\22},{\22name\22:\22city\22,\22label\22:\22\E5\B8\82\E7\BA\A7\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22level\22,\22type\22:\22enum:Level\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22emergency\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0},{\22name\22:\22referred\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22pay\22,\22type\22:\22money\22,\22rule\22:1}],\22params\22:[{\22name\22:\22deductible\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:\22Level\22,\22cites\22:\22\E7\AC\AC\E4\B8\89\E6\9D\A1\22,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:\222018-01-01\22,\22offset\22:0,\22width\22:3},{\22from\22:\222018-01-01\22,\22to\22:\222019-01-01\22,\22offset\22:3,\22width\22:3},{\22from\22:\222019-01-01\22,\22to\22:null,\22offset\22:6,\22width\22:3}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:10,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:9,\22width\22:1}]}],\22rules\22:[{\22name\22:\22base\22,\22type\22:\22money\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22emergency\22,\22cites\22:null,\22line\22:16},{\22name\22:\22unreferred\22,\22cites\22:\22\E7\AC\AC\E5\85\AB\E6\9D\A1\22,\22line\22:15},{\22name\22:\22from 2017-01-01\22,\22cites\22:null,\22line\22:13},{\22name\22:\22from 2018-07-01\22,\22cites\22:null,\22line\22:14}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22deductible\22,\22line\22:6,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:10,\22col\22:7},{\22rule\22:\22base\22,\22line\22:11,\22col\22:6},{\22rule\22:\22base\22,\22line\22:11,\22col\22:32},{\22rule\22:\22base\22,\22line\22:11,\22col\22:36},{\22rule\22:\22base\22,\22line\22:11,\22col\22:50},{\22rule\22:\22base\22,\22line\22:11,\22col\22:61},{\22rule\22:\22base\22,\22line\22:11,\22col\22:77},{\22rule\22:\22pay\22,\22line\22:12,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:64},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:78},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:41},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:45},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:88},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:44},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:65},{\22rule\22:\22pay\22,\22line\22:13,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:28},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:39}]}\00"
@polc_params = constant [11 x i64] [i64 10000, i64 30000, i64 50000, i64 20000, i64 30000, i64 60000, i64 0, i64 25000, i64 55000, i64 800000, i64 0]

; Function Attrs: noreturn
declare void @polrt_fail(ptr, i64, i64) #0

declare i64 @polrt_mul_rate(ptr, i64, i64, i64)

declare i64 @polrt_rate_mul_rate(ptr, i64, i64, i64)

declare i64 @polrt_div_round(ptr, i64, i64, i64)

declare i64 @polrt_ratio(ptr, i64, i64, i64)

declare i64 @polrt_add_months(ptr, i64, i64, i64)

declare i64 @polrt_add_workdays(ptr, i64, i64, i64)

declare i64 @polrt_workdays_between(ptr, i64, i64, i64)

declare i64 @polrt_month_after(ptr, i64, i64)

declare i64 @polrt_year_of(i64)

declare i64 @polrt_progressive(ptr, ptr, i64, i64)

; Function Attrs: noinline
define i64 @polc_rule_0(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f11 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f6 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f5 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %5, align 4
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %6, align 8
  %result = alloca i64, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %7, align 8
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f, i64 0
  %10 = load i64, ptr %9, align 4
  %11 = icmp eq i64 %10, 2
  br i1 %11, label %cached, label %compute

cached:                                           ; preds = %entry
  %12 = getelementptr i64, ptr %ctx.f1, i64 0
  %13 = load i64, ptr %12, align 4
  ret i64 %13

compute:                                          ; preds = %entry
  %14 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 1, ptr %14, align 4
  br label %branch

done:                                             ; preds = %ok10
  %value = load i64, ptr %result, align 4
  %15 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %15, align 4
  %16 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %16, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %17 = getelementptr i64, ptr %ctx.f2, i64 2
  %18 = load i64, ptr %17, align 4
  %19 = icmp slt i64 %ctx.f3, 17532
  %20 = icmp sge i64 %ctx.f3, 17167
  %21 = and i1 %20, %19
  %22 = select i1 %21, i64 0, i64 -1
  %23 = select i1 %21, i64 0, i64 -1
  %24 = icmp slt i64 %ctx.f3, 17897
  %25 = icmp sge i64 %ctx.f3, 17532
  %26 = and i1 %25, %24
  %27 = select i1 %26, i64 3, i64 %22
  %28 = select i1 %26, i64 1, i64 %23
  %29 = icmp slt i64 %ctx.f3, 9223372036854775807
  %30 = icmp sge i64 %ctx.f3, 17897
  %31 = and i1 %30, %29
  %32 = select i1 %31, i64 6, i64 %27
  %33 = select i1 %31, i64 2, i64 %28
  %34 = icmp slt i64 %32, 0
  br i1 %34, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok:                                               ; preds = %branch
  %35 = getelementptr i64, ptr %ctx.f4, i64 0
  store i64 %33, ptr %35, align 4
  %36 = getelementptr i64, ptr %ctx.f2, i64 1
  %37 = load i64, ptr %36, align 4
  %38 = add i64 %32, %37
  %39 = icmp ne ptr %ctx.f5, null
  br i1 %39, label %trace, label %traced

trace:                                            ; preds = %ok
  %40 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %37, ptr %40, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %41 = getelementptr i64, ptr %ctx.f6, i64 %38
  %42 = load i64, ptr %41, align 4
  %43 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %18, i64 %42)
  %v = extractvalue { i64, i1 } %43, 0
  %ovf = extractvalue { i64, i1 } %43, 1
  br i1 %ovf, label %fail7, label %ok8

fail7:                                            ; preds = %traced
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok8:                                              ; preds = %traced
  %44 = icmp sgt i64 %v, 0
  %45 = select i1 %44, i64 %v, i64 0
  %46 = icmp slt i64 %ctx.f3, 9223372036854775807
  %47 = icmp sge i64 %ctx.f3, 17167
  %48 = and i1 %47, %46
  %49 = select i1 %48, i64 9, i64 -1
  %50 = select i1 %48, i64 0, i64 -1
  %51 = icmp slt i64 %49, 0
  br i1 %51, label %fail9, label %ok10

fail9:                                            ; preds = %ok8
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok10:                                             ; preds = %ok8
  %52 = getelementptr i64, ptr %ctx.f4, i64 1
  store i64 %50, ptr %52, align 4
  %53 = getelementptr i64, ptr %ctx.f6, i64 %49
  %54 = load i64, ptr %53, align 4
  %55 = call i64 @polrt_mul_rate(ptr %0, i64 %45, i64 %54, i64 3)
  store i64 %55, ptr %result, align 4
  %56 = getelementptr i64, ptr %ctx.f11, i64 0
  store i64 0, ptr %56, align 4
  br label %done
}

; Function Attrs: noinline
define internal i64 @polc_rule_0.fast(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f4 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %2, align 4
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %3, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 0
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 0
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  br label %branch

done:                                             ; preds = %ok8
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 2
  %14 = load i64, ptr %13, align 4
  %15 = icmp slt i64 %ctx.f3, 17532
  %16 = icmp sge i64 %ctx.f3, 17167
  %17 = and i1 %16, %15
  %18 = select i1 %17, i64 0, i64 -1
  %19 = icmp slt i64 %ctx.f3, 17897
  %20 = icmp sge i64 %ctx.f3, 17532
  %21 = and i1 %20, %19
  %22 = select i1 %21, i64 3, i64 %18
  %23 = icmp slt i64 %ctx.f3, 9223372036854775807
  %24 = icmp sge i64 %ctx.f3, 17897
  %25 = and i1 %24, %23
  %26 = select i1 %25, i64 6, i64 %22
  %27 = icmp slt i64 %26, 0
  br i1 %27, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok:                                               ; preds = %branch
  %28 = getelementptr i64, ptr %ctx.f2, i64 1
  %29 = load i64, ptr %28, align 4
  %30 = add i64 %26, %29
  %31 = getelementptr i64, ptr %ctx.f4, i64 %30
  %32 = load i64, ptr %31, align 4
  %33 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %14, i64 %32)
  %v = extractvalue { i64, i1 } %33, 0
  %ovf = extractvalue { i64, i1 } %33, 1
  br i1 %ovf, label %fail5, label %ok6

fail5:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok6:                                              ; preds = %ok
  %34 = icmp sgt i64 %v, 0
  %35 = select i1 %34, i64 %v, i64 0
  %36 = icmp slt i64 %ctx.f3, 9223372036854775807
  %37 = icmp sge i64 %ctx.f3, 17167
  %38 = and i1 %37, %36
  %39 = select i1 %38, i64 9, i64 -1
  %40 = icmp slt i64 %39, 0
  br i1 %40, label %fail7, label %ok8

fail7:                                            ; preds = %ok6
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok8:                                              ; preds = %ok6
  %41 = getelementptr i64, ptr %ctx.f4, i64 %39
  %42 = load i64, ptr %41, align 4
  %43 = call i64 @polrt_mul_rate(ptr %0, i64 %35, i64 %42, i64 3)
  store i64 %43, ptr %result, align 4
  br label %done
}

; Function Attrs: noinline
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f14 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f13 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f12 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f8 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %6, align 8
  %result = alloca i64, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %7, align 8
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f, i64 1
  %10 = load i64, ptr %9, align 4
  %11 = icmp eq i64 %10, 2
  br i1 %11, label %cached, label %compute

cached:                                           ; preds = %entry
  %12 = getelementptr i64, ptr %ctx.f1, i64 1
  %13 = load i64, ptr %12, align 4
  ret i64 %13

compute:                                          ; preds = %entry
  %14 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 1, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 3
  %16 = load i64, ptr %15, align 4
  %17 = icmp ne i64 %16, 0
  br i1 %17, label %branch, label %next

done:                                             ; preds = %ok16, %branch6, %branch4, %branch
  %value = load i64, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %18, align 4
  %19 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %19, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %20 = call i64 @polc_rule_0(ptr %0)
  store i64 %20, ptr %result, align 4
  %21 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %21, align 4
  br label %done

next:                                             ; preds = %compute
  %22 = getelementptr i64, ptr %ctx.f2, i64 4
  %23 = load i64, ptr %22, align 4
  %24 = icmp eq i64 %23, 0
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %rhs, label %logic

branch4:                                          ; preds = %logic
  store i64 0, ptr %result, align 4
  %27 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 1, ptr %27, align 4
  br label %done

next5:                                            ; preds = %logic
  %28 = icmp slt i64 %ctx.f8, 17713
  %29 = icmp sge i64 %ctx.f8, 17167
  %30 = and i1 %29, %28
  br i1 %30, label %guard, label %next7

rhs:                                              ; preds = %next
  %31 = getelementptr i64, ptr %ctx.f2, i64 1
  %32 = load i64, ptr %31, align 4
  %33 = icmp eq i64 %32, 2
  %34 = zext i1 %33 to i64
  %35 = icmp ne i64 %34, 0
  %36 = zext i1 %35 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %37 = phi i64 [ 0, %next ], [ %36, %rhs ]
  %38 = icmp ne i64 %37, 0
  br i1 %38, label %branch4, label %next5

branch6:                                          ; preds = %guard
  %39 = call i64 @polc_rule_0(ptr %0)
  store i64 %39, ptr %result, align 4
  %40 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 2, ptr %40, align 4
  br label %done

next7:                                            ; preds = %next5
  %41 = icmp slt i64 %ctx.f8, 9223372036854775807
  %42 = icmp sge i64 %ctx.f8, 17713
  %43 = and i1 %42, %41
  br i1 %43, label %guard11, label %next10

guard:                                            ; preds = %next5
  br label %branch6

branch9:                                          ; preds = %guard11
  %44 = call i64 @polc_rule_0(ptr %0)
  %45 = icmp slt i64 %ctx.f8, 17532
  %46 = icmp sge i64 %ctx.f8, 17167
  %47 = and i1 %46, %45
  %48 = select i1 %47, i64 0, i64 -1
  %49 = select i1 %47, i64 0, i64 -1
  %50 = icmp slt i64 %ctx.f8, 17897
  %51 = icmp sge i64 %ctx.f8, 17532
  %52 = and i1 %51, %50
  %53 = select i1 %52, i64 3, i64 %48
  %54 = select i1 %52, i64 1, i64 %49
  %55 = icmp slt i64 %ctx.f8, 9223372036854775807
  %56 = icmp sge i64 %ctx.f8, 17897
  %57 = and i1 %56, %55
  %58 = select i1 %57, i64 6, i64 %53
  %59 = select i1 %57, i64 2, i64 %54
  %60 = icmp slt i64 %58, 0
  br i1 %60, label %fail, label %ok

next10:                                           ; preds = %next7
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard11:                                          ; preds = %next7
  br label %branch9

fail:                                             ; preds = %branch9
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok:                                               ; preds = %branch9
  %61 = getelementptr i64, ptr %ctx.f12, i64 0
  store i64 %59, ptr %61, align 4
  %62 = getelementptr i64, ptr %ctx.f2, i64 1
  %63 = load i64, ptr %62, align 4
  %64 = add i64 %58, %63
  %65 = icmp ne ptr %ctx.f13, null
  br i1 %65, label %trace, label %traced

trace:                                            ; preds = %ok
  %66 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %63, ptr %66, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %67 = getelementptr i64, ptr %ctx.f14, i64 %64
  %68 = load i64, ptr %67, align 4
  %69 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %44, i64 %68)
  %v = extractvalue { i64, i1 } %69, 0
  %ovf = extractvalue { i64, i1 } %69, 1
  br i1 %ovf, label %fail15, label %ok16

fail15:                                           ; preds = %traced
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok16:                                             ; preds = %traced
  store i64 %v, ptr %result, align 4
  %70 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 3, ptr %70, align 4
  br label %done
}

; Function Attrs: noinline
define internal i64 @polc_rule_1.fast(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f11 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f7 = load i64, ptr %2, align 4
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %3, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 1
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 1
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f2, i64 3
  %12 = load i64, ptr %11, align 4
  %13 = icmp ne i64 %12, 0
  br i1 %13, label %branch, label %next

done:                                             ; preds = %ok13, %branch5, %branch3, %branch
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = call i64 @polc_rule_0.fast(ptr %0)
  store i64 %16, ptr %result, align 4
  br label %done

next:                                             ; preds = %compute
  %17 = getelementptr i64, ptr %ctx.f2, i64 4
  %18 = load i64, ptr %17, align 4
  %19 = icmp eq i64 %18, 0
  %20 = zext i1 %19 to i64
  %21 = icmp ne i64 %20, 0
  br i1 %21, label %rhs, label %logic

branch3:                                          ; preds = %logic
  store i64 0, ptr %result, align 4
  br label %done

next4:                                            ; preds = %logic
  %22 = icmp slt i64 %ctx.f7, 17713
  %23 = icmp sge i64 %ctx.f7, 17167
  %24 = and i1 %23, %22
  br i1 %24, label %guard, label %next6

rhs:                                              ; preds = %next
  %25 = getelementptr i64, ptr %ctx.f2, i64 1
  %26 = load i64, ptr %25, align 4
  %27 = icmp eq i64 %26, 2
  %28 = zext i1 %27 to i64
  %29 = icmp ne i64 %28, 0
  %30 = zext i1 %29 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %31 = phi i64 [ 0, %next ], [ %30, %rhs ]
  %32 = icmp ne i64 %31, 0
  br i1 %32, label %branch3, label %next4

branch5:                                          ; preds = %guard
  %33 = call i64 @polc_rule_0.fast(ptr %0)
  store i64 %33, ptr %result, align 4
  br label %done

next6:                                            ; preds = %next4
  %34 = icmp slt i64 %ctx.f7, 9223372036854775807
  %35 = icmp sge i64 %ctx.f7, 17713
  %36 = and i1 %35, %34
  br i1 %36, label %guard10, label %next9

guard:                                            ; preds = %next4
  br label %branch5

branch8:                                          ; preds = %guard10
  %37 = call i64 @polc_rule_0.fast(ptr %0)
  %38 = icmp slt i64 %ctx.f7, 17532
  %39 = icmp sge i64 %ctx.f7, 17167
  %40 = and i1 %39, %38
  %41 = select i1 %40, i64 0, i64 -1
  %42 = icmp slt i64 %ctx.f7, 17897
  %43 = icmp sge i64 %ctx.f7, 17532
  %44 = and i1 %43, %42
  %45 = select i1 %44, i64 3, i64 %41
  %46 = icmp slt i64 %ctx.f7, 9223372036854775807
  %47 = icmp sge i64 %ctx.f7, 17897
  %48 = and i1 %47, %46
  %49 = select i1 %48, i64 6, i64 %45
  %50 = icmp slt i64 %49, 0
  br i1 %50, label %fail, label %ok

next9:                                            ; preds = %next6
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard10:                                          ; preds = %next6
  br label %branch8

fail:                                             ; preds = %branch8
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok:                                               ; preds = %branch8
  %51 = getelementptr i64, ptr %ctx.f2, i64 1
  %52 = load i64, ptr %51, align 4
  %53 = add i64 %49, %52
  %54 = getelementptr i64, ptr %ctx.f11, i64 %53
  %55 = load i64, ptr %54, align 4
  %56 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %37, i64 %55)
  %v = extractvalue { i64, i1 } %56, 0
  %ovf = extractvalue { i64, i1 } %56, 1
  br i1 %ovf, label %fail12, label %ok13

fail12:                                           ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok13:                                             ; preds = %ok
  store i64 %v, ptr %result, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

define i64 @polc_settle(ptr %0) {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %1, align 8
  %2 = call i64 @polc_rule_1(ptr %0)
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %2, ptr %3, align 4
  ret i64 0
}

define void @polc_keys(ptr %0, ptr %1) {
entry:
  ret void
}

define i64 @polc_check(ptr %0) {
entry:
  ret i64 -1
}

define i64 @polc_settle_fast(ptr %0) {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %1, align 8
  %2 = call i64 @polc_rule_1.fast(ptr %0)
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %2, ptr %3, align 4
  ret i64 0
}

attributes #0 = { noreturn }
attributes #1 = { noinline }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
