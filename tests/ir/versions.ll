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
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 0
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 0
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 0
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok13
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f17 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f17, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f18 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f18, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f4 = load i64, ptr %17, align 4
  %18 = icmp slt i64 %ctx.f4, 17532
  %19 = icmp sge i64 %ctx.f4, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 0, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %ctx.f4, 17897
  %24 = icmp sge i64 %ctx.f4, 17532
  %25 = and i1 %24, %23
  %26 = select i1 %25, i64 3, i64 %21
  %27 = select i1 %25, i64 1, i64 %22
  %28 = icmp slt i64 %ctx.f4, 9223372036854775807
  %29 = icmp sge i64 %ctx.f4, 17897
  %30 = and i1 %29, %28
  %31 = select i1 %30, i64 6, i64 %26
  %32 = select i1 %30, i64 2, i64 %27
  %33 = icmp slt i64 %31, 0
  br i1 %33, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok:                                               ; preds = %branch
  %34 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f5 = load ptr, ptr %34, align 8
  %35 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %32, ptr %35, align 4
  %36 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %36, align 8
  %37 = getelementptr i64, ptr %ctx.f6, i64 1
  %38 = load i64, ptr %37, align 4
  %39 = add i64 %31, %38
  %40 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f7 = load ptr, ptr %40, align 8
  %41 = icmp ne ptr %ctx.f7, null
  br i1 %41, label %trace, label %traced

trace:                                            ; preds = %ok
  %42 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 %38, ptr %42, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %43 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %43, align 8
  %44 = getelementptr i64, ptr %ctx.f8, i64 %39
  %45 = load i64, ptr %44, align 4
  %46 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %16, i64 %45)
  %v = extractvalue { i64, i1 } %46, 0
  %ovf = extractvalue { i64, i1 } %46, 1
  br i1 %ovf, label %fail9, label %ok10

fail9:                                            ; preds = %traced
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok10:                                             ; preds = %traced
  %47 = icmp sgt i64 %v, 0
  %48 = select i1 %47, i64 %v, i64 0
  %49 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f11 = load i64, ptr %49, align 4
  %50 = icmp slt i64 %ctx.f11, 9223372036854775807
  %51 = icmp sge i64 %ctx.f11, 17167
  %52 = and i1 %51, %50
  %53 = select i1 %52, i64 9, i64 -1
  %54 = select i1 %52, i64 0, i64 -1
  %55 = icmp slt i64 %53, 0
  br i1 %55, label %fail12, label %ok13

fail12:                                           ; preds = %ok10
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok13:                                             ; preds = %ok10
  %56 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f14 = load ptr, ptr %56, align 8
  %57 = getelementptr i64, ptr %ctx.f14, i64 1
  store i64 %54, ptr %57, align 4
  %58 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f15 = load ptr, ptr %58, align 8
  %59 = getelementptr i64, ptr %ctx.f15, i64 %53
  %60 = load i64, ptr %59, align 4
  %61 = call i64 @polrt_mul_rate(ptr %0, i64 %48, i64 %60, i64 3)
  store i64 %61, ptr %result, align 4
  %62 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f16 = load ptr, ptr %62, align 8
  %63 = getelementptr i64, ptr %ctx.f16, i64 0
  store i64 0, ptr %63, align 4
  br label %done
}

; Function Attrs: noinline
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 1
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 1
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 1
  store i64 1, ptr %9, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f3, i64 3
  %12 = load i64, ptr %11, align 4
  %13 = icmp ne i64 %12, 0
  br i1 %13, label %branch, label %next

done:                                             ; preds = %ok24, %branch10, %branch5, %branch
  %value = load i64, ptr %result, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f26 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f26, i64 1
  store i64 %value, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f27 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f27, i64 1
  store i64 2, ptr %17, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %18 = call i64 @polc_rule_0(ptr %0)
  store i64 %18, ptr %result, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f4, i64 1
  store i64 0, ptr %20, align 4
  br label %done

next:                                             ; preds = %compute
  %21 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %21, align 8
  %22 = getelementptr i64, ptr %ctx.f7, i64 4
  %23 = load i64, ptr %22, align 4
  %24 = icmp eq i64 %23, 0
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %rhs, label %logic

branch5:                                          ; preds = %logic
  store i64 0, ptr %result, align 4
  %27 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f9 = load ptr, ptr %27, align 8
  %28 = getelementptr i64, ptr %ctx.f9, i64 1
  store i64 1, ptr %28, align 4
  br label %done

next6:                                            ; preds = %logic
  %29 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f12 = load i64, ptr %29, align 4
  %30 = icmp slt i64 %ctx.f12, 17713
  %31 = icmp sge i64 %ctx.f12, 17167
  %32 = and i1 %31, %30
  br i1 %32, label %guard, label %next11

rhs:                                              ; preds = %next
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f8 = load ptr, ptr %33, align 8
  %34 = getelementptr i64, ptr %ctx.f8, i64 1
  %35 = load i64, ptr %34, align 4
  %36 = icmp eq i64 %35, 2
  %37 = zext i1 %36 to i64
  %38 = icmp ne i64 %37, 0
  %39 = zext i1 %38 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %40 = phi i64 [ 0, %next ], [ %39, %rhs ]
  %41 = icmp ne i64 %40, 0
  br i1 %41, label %branch5, label %next6

branch10:                                         ; preds = %guard
  %42 = call i64 @polc_rule_0(ptr %0)
  store i64 %42, ptr %result, align 4
  %43 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f13 = load ptr, ptr %43, align 8
  %44 = getelementptr i64, ptr %ctx.f13, i64 1
  store i64 2, ptr %44, align 4
  br label %done

next11:                                           ; preds = %next6
  %45 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f16 = load i64, ptr %45, align 4
  %46 = icmp slt i64 %ctx.f16, 9223372036854775807
  %47 = icmp sge i64 %ctx.f16, 17713
  %48 = and i1 %47, %46
  br i1 %48, label %guard17, label %next15

guard:                                            ; preds = %next6
  br label %branch10

branch14:                                         ; preds = %guard17
  %49 = call i64 @polc_rule_0(ptr %0)
  %50 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f18 = load i64, ptr %50, align 4
  %51 = icmp slt i64 %ctx.f18, 17532
  %52 = icmp sge i64 %ctx.f18, 17167
  %53 = and i1 %52, %51
  %54 = select i1 %53, i64 0, i64 -1
  %55 = select i1 %53, i64 0, i64 -1
  %56 = icmp slt i64 %ctx.f18, 17897
  %57 = icmp sge i64 %ctx.f18, 17532
  %58 = and i1 %57, %56
  %59 = select i1 %58, i64 3, i64 %54
  %60 = select i1 %58, i64 1, i64 %55
  %61 = icmp slt i64 %ctx.f18, 9223372036854775807
  %62 = icmp sge i64 %ctx.f18, 17897
  %63 = and i1 %62, %61
  %64 = select i1 %63, i64 6, i64 %59
  %65 = select i1 %63, i64 2, i64 %60
  %66 = icmp slt i64 %64, 0
  br i1 %66, label %fail, label %ok

next15:                                           ; preds = %next11
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard17:                                          ; preds = %next11
  br label %branch14

fail:                                             ; preds = %branch14
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok:                                               ; preds = %branch14
  %67 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f19 = load ptr, ptr %67, align 8
  %68 = getelementptr i64, ptr %ctx.f19, i64 0
  store i64 %65, ptr %68, align 4
  %69 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f20 = load ptr, ptr %69, align 8
  %70 = getelementptr i64, ptr %ctx.f20, i64 1
  %71 = load i64, ptr %70, align 4
  %72 = add i64 %64, %71
  %73 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f21 = load ptr, ptr %73, align 8
  %74 = icmp ne ptr %ctx.f21, null
  br i1 %74, label %trace, label %traced

trace:                                            ; preds = %ok
  %75 = getelementptr i64, ptr %ctx.f21, i64 0
  store i64 %71, ptr %75, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %76 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f22 = load ptr, ptr %76, align 8
  %77 = getelementptr i64, ptr %ctx.f22, i64 %72
  %78 = load i64, ptr %77, align 4
  %79 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %49, i64 %78)
  %v = extractvalue { i64, i1 } %79, 0
  %ovf = extractvalue { i64, i1 } %79, 1
  br i1 %ovf, label %fail23, label %ok24

fail23:                                           ; preds = %traced
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok24:                                             ; preds = %traced
  store i64 %v, ptr %result, align 4
  %80 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f25 = load ptr, ptr %80, align 8
  %81 = getelementptr i64, ptr %ctx.f25, i64 1
  store i64 3, ptr %81, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

define i64 @polc_settle(ptr %0) {
entry:
  %1 = call i64 @polc_rule_1(ptr %0)
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %1, ptr %3, align 4
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

attributes #0 = { noreturn }
attributes #1 = { noinline }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
