; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr }

@polc_schema = constant [2428 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\89\88\E6\9C\AC\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/versions.pol\22,\22sha256\22:\22740f4ecf8232dd5711a11139ee82229804820484540451756b4ef4796d3bda4c\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Level\22,\22members\22:[{\22name\22:\22township\22,\22label\22:\22\E4\B9\A1\E9\95\87\22},{\22name\22:\22county\22,\22label\22:\22\E5\8E\BF\E5\8C\BA\22},{\22name\22:\22city\22,\22label\22:\22\E5\B8\82\E7\BA\A7\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22level\22,\22type\22:\22enum:Level\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22emergency\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0},{\22name\22:\22referred\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22pay\22,\22type\22:\22money\22,\22rule\22:1}],\22params\22:[{\22name\22:\22deductible\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:\22Level\22,\22cites\22:\22\E7\AC\AC\E4\B8\89\E6\9D\A1\22,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:\222018-01-01\22,\22offset\22:0,\22width\22:3},{\22from\22:\222018-01-01\22,\22to\22:\222019-01-01\22,\22offset\22:3,\22width\22:3},{\22from\22:\222019-01-01\22,\22to\22:null,\22offset\22:6,\22width\22:3}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:10,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:9,\22width\22:1}]}],\22rules\22:[{\22name\22:\22base\22,\22type\22:\22money\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22emergency\22,\22cites\22:null,\22line\22:16},{\22name\22:\22unreferred\22,\22cites\22:\22\E7\AC\AC\E5\85\AB\E6\9D\A1\22,\22line\22:15},{\22name\22:\22from 2017-01-01\22,\22cites\22:null,\22line\22:13},{\22name\22:\22from 2018-07-01\22,\22cites\22:null,\22line\22:14}]}],\22locs\22:[{\22rule\22:\22deductible\22,\22line\22:6,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:10,\22col\22:7},{\22rule\22:\22base\22,\22line\22:11,\22col\22:6},{\22rule\22:\22base\22,\22line\22:11,\22col\22:32},{\22rule\22:\22base\22,\22line\22:11,\22col\22:36},{\22rule\22:\22base\22,\22line\22:11,\22col\22:50},{\22rule\22:\22base\22,\22line\22:11,\22col\22:61},{\22rule\22:\22base\22,\22line\22:11,\22col\22:77},{\22rule\22:\22pay\22,\22line\22:12,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:64},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:78},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:41},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:45},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:88},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:44},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:65},{\22rule\22:\22pay\22,\22line\22:13,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:28},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:39}]}\00"
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

define i64 @polc_rule_0(ptr %0) {
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
  %ctx.f16 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f16, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f17 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f17, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 2
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 17532
  %21 = icmp sge i64 %ctx.f5, 17167
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 0, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %ctx.f5, 17897
  %26 = icmp sge i64 %ctx.f5, 17532
  %27 = and i1 %26, %25
  %28 = select i1 %27, i64 3, i64 %23
  %29 = select i1 %27, i64 1, i64 %24
  %30 = icmp slt i64 %ctx.f5, 9223372036854775807
  %31 = icmp sge i64 %ctx.f5, 17897
  %32 = and i1 %31, %30
  %33 = select i1 %32, i64 6, i64 %28
  %34 = select i1 %32, i64 2, i64 %29
  %35 = icmp slt i64 %33, 0
  br i1 %35, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok:                                               ; preds = %branch
  %36 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %36, align 8
  %37 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %34, ptr %37, align 4
  %38 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %38, align 8
  %39 = getelementptr i64, ptr %ctx.f7, i64 1
  %40 = load i64, ptr %39, align 4
  %41 = add i64 %33, %40
  %42 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %42, align 8
  %43 = getelementptr i64, ptr %ctx.f8, i64 %41
  %44 = load i64, ptr %43, align 4
  %45 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %18, i64 %44)
  %v = extractvalue { i64, i1 } %45, 0
  %ovf = extractvalue { i64, i1 } %45, 1
  br i1 %ovf, label %fail9, label %ok10

fail9:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok10:                                             ; preds = %ok
  %46 = icmp sgt i64 %v, 0
  %47 = select i1 %46, i64 %v, i64 0
  %48 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f11 = load i64, ptr %48, align 4
  %49 = icmp slt i64 %ctx.f11, 9223372036854775807
  %50 = icmp sge i64 %ctx.f11, 17167
  %51 = and i1 %50, %49
  %52 = select i1 %51, i64 9, i64 -1
  %53 = select i1 %51, i64 0, i64 -1
  %54 = icmp slt i64 %52, 0
  br i1 %54, label %fail12, label %ok13

fail12:                                           ; preds = %ok10
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok13:                                             ; preds = %ok10
  %55 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f14 = load ptr, ptr %55, align 8
  %56 = getelementptr i64, ptr %ctx.f14, i64 1
  store i64 %53, ptr %56, align 4
  %57 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f15 = load ptr, ptr %57, align 8
  %58 = getelementptr i64, ptr %ctx.f15, i64 %52
  %59 = load i64, ptr %58, align 4
  %60 = call i64 @polrt_mul_rate(ptr %0, i64 %47, i64 %59, i64 3)
  store i64 %60, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_1(ptr %0) {
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
  %ctx.f25 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f25, i64 1
  store i64 %value, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f26 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f26, i64 1
  store i64 2, ptr %17, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %18 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %18, align 8
  %19 = getelementptr i64, ptr %ctx.f4, i64 1
  store i64 0, ptr %19, align 4
  %20 = call i64 @polc_rule_0(ptr %0)
  store i64 %20, ptr %result, align 4
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
  %27 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f9 = load ptr, ptr %27, align 8
  %28 = getelementptr i64, ptr %ctx.f9, i64 1
  store i64 1, ptr %28, align 4
  store i64 0, ptr %result, align 4
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
  %42 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f13 = load ptr, ptr %42, align 8
  %43 = getelementptr i64, ptr %ctx.f13, i64 1
  store i64 2, ptr %43, align 4
  %44 = call i64 @polc_rule_0(ptr %0)
  store i64 %44, ptr %result, align 4
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
  %49 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f18 = load ptr, ptr %49, align 8
  %50 = getelementptr i64, ptr %ctx.f18, i64 1
  store i64 3, ptr %50, align 4
  %51 = call i64 @polc_rule_0(ptr %0)
  %52 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f19 = load i64, ptr %52, align 4
  %53 = icmp slt i64 %ctx.f19, 17532
  %54 = icmp sge i64 %ctx.f19, 17167
  %55 = and i1 %54, %53
  %56 = select i1 %55, i64 0, i64 -1
  %57 = select i1 %55, i64 0, i64 -1
  %58 = icmp slt i64 %ctx.f19, 17897
  %59 = icmp sge i64 %ctx.f19, 17532
  %60 = and i1 %59, %58
  %61 = select i1 %60, i64 3, i64 %56
  %62 = select i1 %60, i64 1, i64 %57
  %63 = icmp slt i64 %ctx.f19, 9223372036854775807
  %64 = icmp sge i64 %ctx.f19, 17897
  %65 = and i1 %64, %63
  %66 = select i1 %65, i64 6, i64 %61
  %67 = select i1 %65, i64 2, i64 %62
  %68 = icmp slt i64 %66, 0
  br i1 %68, label %fail, label %ok

next15:                                           ; preds = %next11
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard17:                                          ; preds = %next11
  br label %branch14

fail:                                             ; preds = %branch14
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok:                                               ; preds = %branch14
  %69 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f20 = load ptr, ptr %69, align 8
  %70 = getelementptr i64, ptr %ctx.f20, i64 0
  store i64 %67, ptr %70, align 4
  %71 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f21 = load ptr, ptr %71, align 8
  %72 = getelementptr i64, ptr %ctx.f21, i64 1
  %73 = load i64, ptr %72, align 4
  %74 = add i64 %66, %73
  %75 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f22 = load ptr, ptr %75, align 8
  %76 = getelementptr i64, ptr %ctx.f22, i64 %74
  %77 = load i64, ptr %76, align 4
  %78 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %51, i64 %77)
  %v = extractvalue { i64, i1 } %78, 0
  %ovf = extractvalue { i64, i1 } %78, 1
  br i1 %ovf, label %fail23, label %ok24

fail23:                                           ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok24:                                             ; preds = %ok
  store i64 %v, ptr %result, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #1

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #1

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

attributes #0 = { noreturn }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
