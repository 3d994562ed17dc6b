; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [2492 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\89\88\E6\9C\AC\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/versions.pol\22,\22sha256\22:\22740f4ecf8232dd5711a11139ee82229804820484540451756b4ef4796d3bda4c\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Level\22,\22members\22:[{\22name\22:\22township\22,\22label\22:\22\E4\B9\A1\E9\95\87\22},{\22name\22:\22county\22,\22label\22:\22\E5\8E\BF\E5\8C\BA\22},{\22name\22:\22city\22,\22label\22:\22\E5\B8\82\E7\BA\A7\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22level\22,\22type\22:\22enum:Level\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22emergency\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0},{\22name\22:\22referred\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:1}],\22params\22:[{\22name\22:\22deductible\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:\22Level\22,\22cites\22:\22\E7\AC\AC\E4\B8\89\E6\9D\A1\22,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:\222018-01-01\22,\22offset\22:0,\22width\22:3},{\22from\22:\222018-01-01\22,\22to\22:\222019-01-01\22,\22offset\22:3,\22width\22:3},{\22from\22:\222019-01-01\22,\22to\22:null,\22offset\22:6,\22width\22:3}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:10,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:9,\22width\22:1}]}],\22rules\22:[{\22name\22:\22base\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22emergency\22,\22cites\22:null,\22line\22:16},{\22name\22:\22unreferred\22,\22cites\22:\22\E7\AC\AC\E5\85\AB\E6\9D\A1\22,\22line\22:15},{\22name\22:\22from 2017-01-01\22,\22cites\22:null,\22line\22:13},{\22name\22:\22from 2018-07-01\22,\22cites\22:null,\22line\22:14}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22deductible\22,\22line\22:6,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:10,\22col\22:7},{\22rule\22:\22base\22,\22line\22:11,\22col\22:6},{\22rule\22:\22base\22,\22line\22:11,\22col\22:32},{\22rule\22:\22base\22,\22line\22:11,\22col\22:36},{\22rule\22:\22base\22,\22line\22:11,\22col\22:50},{\22rule\22:\22base\22,\22line\22:11,\22col\22:61},{\22rule\22:\22base\22,\22line\22:11,\22col\22:77},{\22rule\22:\22pay\22,\22line\22:12,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:64},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:78},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:41},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:45},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:88},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:44},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:65},{\22rule\22:\22pay\22,\22line\22:13,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:28},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:39}]}\00"
@polc_params = constant [11 x i64] [i64 10000, i64 30000, i64 50000, i64 20000, i64 30000, i64 60000, i64 0, i64 25000, i64 55000, i64 800000, i64 0]
@polc_fast_flags = constant i64 1

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

declare i64 @polrt_mul_rate_trunc(ptr, i64, i64, i64)

declare i64 @polrt_mul_rate_floor(ptr, i64, i64, i64)

declare i64 @polrt_div_trunc(ptr, i64, i64, i64)

declare i64 @polrt_div_floor(ptr, i64, i64, i64)

declare i64 @polrt_progressive(ptr, ptr, i64, i64)

declare void @polrt_trace_span(ptr, i64)

declare void @polrt_trace_call(ptr, i64, i64, ptr, i64)

declare void @polrt_trace_pick(ptr, i64, i64, i64)

; Function Attrs: noinline optnone
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

done:                                             ; preds = %rate.done
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
  %55 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %45, i64 %54)
  %prod = extractvalue { i64, i1 } %55, 0
  %wide = extractvalue { i64, i1 } %55, 1
  %56 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %56, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok10
  %57 = call i64 @polrt_mul_rate(ptr %0, i64 %45, i64 %54, i64 3)
  br label %rate.done

rate.fast:                                        ; preds = %ok10
  %58 = sdiv i64 %prod, 1000000
  %59 = srem i64 %prod, 1000000
  %60 = icmp sge i64 %59, 500000
  %61 = icmp sle i64 %59, -500000
  %62 = zext i1 %60 to i64
  %63 = add i64 %58, %62
  %64 = zext i1 %61 to i64
  %rounded = sub i64 %63, %64
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %65 = phi i64 [ %rounded, %rate.fast ], [ %57, %rate.wide ]
  store i64 %65, ptr %result, align 4
  %66 = getelementptr i64, ptr %ctx.f11, i64 0
  store i64 0, ptr %66, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f20 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f19 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f18 = load ptr, ptr %3, align 8
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

done:                                             ; preds = %ok22, %memo11, %branch4, %memo
  %value = load i64, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %18, align 4
  %19 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %19, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %20 = getelementptr i64, ptr %ctx.f, i64 0
  %21 = load i64, ptr %20, align 4
  %22 = icmp eq i64 %21, 2
  br i1 %22, label %memo.hit, label %memo.miss

next:                                             ; preds = %compute
  %23 = getelementptr i64, ptr %ctx.f2, i64 4
  %24 = load i64, ptr %23, align 4
  %25 = icmp eq i64 %24, 0
  %26 = zext i1 %25 to i64
  %27 = icmp ne i64 %26, 0
  br i1 %27, label %rhs, label %logic

memo.hit:                                         ; preds = %branch
  %28 = getelementptr i64, ptr %ctx.f1, i64 0
  %29 = load i64, ptr %28, align 4
  br label %memo

memo.miss:                                        ; preds = %branch
  %30 = call i64 @polc_rule_0(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %31 = phi i64 [ %29, %memo.hit ], [ %30, %memo.miss ]
  store i64 %31, ptr %result, align 4
  %32 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %32, align 4
  br label %done

branch4:                                          ; preds = %logic
  store i64 0, ptr %result, align 4
  %33 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 1, ptr %33, align 4
  br label %done

next5:                                            ; preds = %logic
  %34 = icmp slt i64 %ctx.f8, 17713
  %35 = icmp sge i64 %ctx.f8, 17167
  %36 = and i1 %35, %34
  br i1 %36, label %guard, label %next7

rhs:                                              ; preds = %next
  %37 = getelementptr i64, ptr %ctx.f2, i64 1
  %38 = load i64, ptr %37, align 4
  %39 = icmp eq i64 %38, 2
  %40 = zext i1 %39 to i64
  %41 = icmp ne i64 %40, 0
  %42 = zext i1 %41 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %43 = phi i64 [ 0, %next ], [ %42, %rhs ]
  %44 = icmp ne i64 %43, 0
  br i1 %44, label %branch4, label %next5

branch6:                                          ; preds = %guard
  %45 = getelementptr i64, ptr %ctx.f, i64 0
  %46 = load i64, ptr %45, align 4
  %47 = icmp eq i64 %46, 2
  br i1 %47, label %memo.hit9, label %memo.miss10

next7:                                            ; preds = %next5
  %48 = icmp slt i64 %ctx.f8, 9223372036854775807
  %49 = icmp sge i64 %ctx.f8, 17713
  %50 = and i1 %49, %48
  br i1 %50, label %guard14, label %next13

guard:                                            ; preds = %next5
  br label %branch6

memo.hit9:                                        ; preds = %branch6
  %51 = getelementptr i64, ptr %ctx.f1, i64 0
  %52 = load i64, ptr %51, align 4
  br label %memo11

memo.miss10:                                      ; preds = %branch6
  %53 = call i64 @polc_rule_0(ptr %0)
  br label %memo11

memo11:                                           ; preds = %memo.miss10, %memo.hit9
  %54 = phi i64 [ %52, %memo.hit9 ], [ %53, %memo.miss10 ]
  store i64 %54, ptr %result, align 4
  %55 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 2, ptr %55, align 4
  br label %done

branch12:                                         ; preds = %guard14
  %56 = getelementptr i64, ptr %ctx.f, i64 0
  %57 = load i64, ptr %56, align 4
  %58 = icmp eq i64 %57, 2
  br i1 %58, label %memo.hit15, label %memo.miss16

next13:                                           ; preds = %next7
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard14:                                          ; preds = %next7
  br label %branch12

memo.hit15:                                       ; preds = %branch12
  %59 = getelementptr i64, ptr %ctx.f1, i64 0
  %60 = load i64, ptr %59, align 4
  br label %memo17

memo.miss16:                                      ; preds = %branch12
  %61 = call i64 @polc_rule_0(ptr %0)
  br label %memo17

memo17:                                           ; preds = %memo.miss16, %memo.hit15
  %62 = phi i64 [ %60, %memo.hit15 ], [ %61, %memo.miss16 ]
  %63 = icmp slt i64 %ctx.f8, 17532
  %64 = icmp sge i64 %ctx.f8, 17167
  %65 = and i1 %64, %63
  %66 = select i1 %65, i64 0, i64 -1
  %67 = select i1 %65, i64 0, i64 -1
  %68 = icmp slt i64 %ctx.f8, 17897
  %69 = icmp sge i64 %ctx.f8, 17532
  %70 = and i1 %69, %68
  %71 = select i1 %70, i64 3, i64 %66
  %72 = select i1 %70, i64 1, i64 %67
  %73 = icmp slt i64 %ctx.f8, 9223372036854775807
  %74 = icmp sge i64 %ctx.f8, 17897
  %75 = and i1 %74, %73
  %76 = select i1 %75, i64 6, i64 %71
  %77 = select i1 %75, i64 2, i64 %72
  %78 = icmp slt i64 %76, 0
  br i1 %78, label %fail, label %ok

fail:                                             ; preds = %memo17
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok:                                               ; preds = %memo17
  %79 = getelementptr i64, ptr %ctx.f18, i64 0
  store i64 %77, ptr %79, align 4
  %80 = getelementptr i64, ptr %ctx.f2, i64 1
  %81 = load i64, ptr %80, align 4
  %82 = add i64 %76, %81
  %83 = icmp ne ptr %ctx.f19, null
  br i1 %83, label %trace, label %traced

trace:                                            ; preds = %ok
  %84 = getelementptr i64, ptr %ctx.f19, i64 0
  store i64 %81, ptr %84, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %85 = getelementptr i64, ptr %ctx.f20, i64 %82
  %86 = load i64, ptr %85, align 4
  %87 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %62, i64 %86)
  %v = extractvalue { i64, i1 } %87, 0
  %ovf = extractvalue { i64, i1 } %87, 1
  br i1 %ovf, label %fail21, label %ok22

fail21:                                           ; preds = %traced
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok22:                                             ; preds = %traced
  store i64 %v, ptr %result, align 4
  %88 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 3, ptr %88, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(none)
declare i1 @llvm.expect.i1(i1, i1) #3

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

; Function Attrs: noinline optnone
define i64 @polc_settle(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %3, align 8
  %4 = getelementptr i64, ptr %ctx.f, i64 1
  %5 = load i64, ptr %4, align 4
  %6 = icmp eq i64 %5, 2
  br i1 %6, label %memo.hit, label %memo.miss

memo.hit:                                         ; preds = %entry
  %7 = getelementptr i64, ptr %ctx.f1, i64 1
  %8 = load i64, ptr %7, align 4
  br label %memo

memo.miss:                                        ; preds = %entry
  %9 = call i64 @polc_rule_1(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %10 = phi i64 [ %8, %memo.hit ], [ %9, %memo.miss ]
  %11 = getelementptr i64, ptr %ctx.f2, i64 0
  store i64 %10, ptr %11, align 4
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
  %ctx.f65 = load ptr, ptr %1, align 8
  %result39 = alloca i64, align 8
  %result17 = alloca i64, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f7 = load i64, ptr %3, align 4
  %result3 = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %4, align 8
  %result = alloca i64, align 8
  %memo.done2 = alloca i64, align 8
  %memo1 = alloca i64, align 8
  %memo.done = alloca i64, align 8
  %memo = alloca i64, align 8
  store i64 0, ptr %memo.done, align 4
  store i64 0, ptr %memo.done2, align 4
  %5 = getelementptr i64, ptr %ctx.f, i64 3
  %6 = load i64, ptr %5, align 4
  %7 = icmp ne i64 %6, 0
  br i1 %7, label %branch, label %next

done:                                             ; preds = %ok63, %done18, %branch13, %done4
  %value64 = load i64, ptr %result, align 4
  store i64 %value64, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %8 = getelementptr i64, ptr %ctx.f65, i64 0
  store i64 %value64, ptr %8, align 4
  ret i64 0

branch:                                           ; preds = %entry
  br label %branch5

next:                                             ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f, i64 4
  %10 = load i64, ptr %9, align 4
  %11 = icmp eq i64 %10, 0
  %12 = zext i1 %11 to i64
  %13 = icmp ne i64 %12, 0
  br i1 %13, label %rhs, label %logic

done4:                                            ; preds = %rate.done
  %value = load i64, ptr %result3, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  store i64 %value, ptr %result, align 4
  br label %done

branch5:                                          ; preds = %branch
  %14 = getelementptr i64, ptr %ctx.f, i64 2
  %15 = load i64, ptr %14, align 4
  %16 = icmp slt i64 %ctx.f7, 17532
  %17 = icmp sge i64 %ctx.f7, 17167
  %18 = and i1 %17, %16
  %19 = select i1 %18, i64 0, i64 -1
  %20 = icmp slt i64 %ctx.f7, 17897
  %21 = icmp sge i64 %ctx.f7, 17532
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 3, i64 %19
  %24 = icmp slt i64 %ctx.f7, 9223372036854775807
  %25 = icmp sge i64 %ctx.f7, 17897
  %26 = and i1 %25, %24
  %27 = select i1 %26, i64 6, i64 %23
  %28 = icmp slt i64 %27, 0
  br i1 %28, label %fail, label %ok

next6:                                            ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch5
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok:                                               ; preds = %branch5
  %29 = getelementptr i64, ptr %ctx.f, i64 1
  %30 = load i64, ptr %29, align 4
  %31 = add i64 %27, %30
  %32 = getelementptr i64, ptr %ctx.f8, i64 %31
  %33 = load i64, ptr %32, align 4
  %34 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %15, i64 %33)
  %v = extractvalue { i64, i1 } %34, 0
  %ovf = extractvalue { i64, i1 } %34, 1
  br i1 %ovf, label %fail9, label %ok10

fail9:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok10:                                             ; preds = %ok
  %35 = icmp sgt i64 %v, 0
  %36 = select i1 %35, i64 %v, i64 0
  %37 = icmp slt i64 %ctx.f7, 9223372036854775807
  %38 = icmp sge i64 %ctx.f7, 17167
  %39 = and i1 %38, %37
  %40 = select i1 %39, i64 9, i64 -1
  %41 = icmp slt i64 %40, 0
  br i1 %41, label %fail11, label %ok12

fail11:                                           ; preds = %ok10
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok12:                                             ; preds = %ok10
  %42 = getelementptr i64, ptr %ctx.f8, i64 %40
  %43 = load i64, ptr %42, align 4
  %44 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %36, i64 %43)
  %prod = extractvalue { i64, i1 } %44, 0
  %wide = extractvalue { i64, i1 } %44, 1
  %45 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %45, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok12
  %46 = call i64 @polrt_mul_rate(ptr %0, i64 %36, i64 %43, i64 3)
  br label %rate.done

rate.fast:                                        ; preds = %ok12
  %47 = sdiv i64 %prod, 1000000
  %48 = srem i64 %prod, 1000000
  %49 = icmp sge i64 %48, 500000
  %50 = icmp sle i64 %48, -500000
  %51 = zext i1 %49 to i64
  %52 = add i64 %47, %51
  %53 = zext i1 %50 to i64
  %rounded = sub i64 %52, %53
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %54 = phi i64 [ %rounded, %rate.fast ], [ %46, %rate.wide ]
  store i64 %54, ptr %result3, align 4
  br label %done4

branch13:                                         ; preds = %logic
  store i64 0, ptr %result, align 4
  br label %done

next14:                                           ; preds = %logic
  %55 = icmp slt i64 %ctx.f7, 17713
  %56 = icmp sge i64 %ctx.f7, 17167
  %57 = and i1 %56, %55
  br i1 %57, label %guard, label %next16

rhs:                                              ; preds = %next
  %58 = getelementptr i64, ptr %ctx.f, i64 1
  %59 = load i64, ptr %58, align 4
  %60 = icmp eq i64 %59, 2
  %61 = zext i1 %60 to i64
  %62 = icmp ne i64 %61, 0
  %63 = zext i1 %62 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %64 = phi i64 [ 0, %next ], [ %63, %rhs ]
  %65 = icmp ne i64 %64, 0
  br i1 %65, label %branch13, label %next14

branch15:                                         ; preds = %guard
  br label %branch19

next16:                                           ; preds = %next14
  %66 = icmp slt i64 %ctx.f7, 9223372036854775807
  %67 = icmp sge i64 %ctx.f7, 17713
  %68 = and i1 %67, %66
  br i1 %68, label %guard38, label %next37

guard:                                            ; preds = %next14
  br label %branch15

done18:                                           ; preds = %rate.done33
  %value35 = load i64, ptr %result17, align 4
  store i64 %value35, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  store i64 %value35, ptr %result, align 4
  br label %done

branch19:                                         ; preds = %branch15
  %69 = getelementptr i64, ptr %ctx.f, i64 2
  %70 = load i64, ptr %69, align 4
  %71 = icmp slt i64 %ctx.f7, 17532
  %72 = icmp sge i64 %ctx.f7, 17167
  %73 = and i1 %72, %71
  %74 = select i1 %73, i64 0, i64 -1
  %75 = icmp slt i64 %ctx.f7, 17897
  %76 = icmp sge i64 %ctx.f7, 17532
  %77 = and i1 %76, %75
  %78 = select i1 %77, i64 3, i64 %74
  %79 = icmp slt i64 %ctx.f7, 9223372036854775807
  %80 = icmp sge i64 %ctx.f7, 17897
  %81 = and i1 %80, %79
  %82 = select i1 %81, i64 6, i64 %78
  %83 = icmp slt i64 %82, 0
  br i1 %83, label %fail21, label %ok22

next20:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail21:                                           ; preds = %branch19
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok22:                                             ; preds = %branch19
  %84 = getelementptr i64, ptr %ctx.f, i64 1
  %85 = load i64, ptr %84, align 4
  %86 = add i64 %82, %85
  %87 = getelementptr i64, ptr %ctx.f8, i64 %86
  %88 = load i64, ptr %87, align 4
  %89 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %70, i64 %88)
  %v23 = extractvalue { i64, i1 } %89, 0
  %ovf24 = extractvalue { i64, i1 } %89, 1
  br i1 %ovf24, label %fail25, label %ok26

fail25:                                           ; preds = %ok22
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok26:                                             ; preds = %ok22
  %90 = icmp sgt i64 %v23, 0
  %91 = select i1 %90, i64 %v23, i64 0
  %92 = icmp slt i64 %ctx.f7, 9223372036854775807
  %93 = icmp sge i64 %ctx.f7, 17167
  %94 = and i1 %93, %92
  %95 = select i1 %94, i64 9, i64 -1
  %96 = icmp slt i64 %95, 0
  br i1 %96, label %fail27, label %ok28

fail27:                                           ; preds = %ok26
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok28:                                             ; preds = %ok26
  %97 = getelementptr i64, ptr %ctx.f8, i64 %95
  %98 = load i64, ptr %97, align 4
  %99 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %91, i64 %98)
  %prod29 = extractvalue { i64, i1 } %99, 0
  %wide30 = extractvalue { i64, i1 } %99, 1
  %100 = call i1 @llvm.expect.i1(i1 %wide30, i1 false)
  br i1 %100, label %rate.wide31, label %rate.fast32

rate.wide31:                                      ; preds = %ok28
  %101 = call i64 @polrt_mul_rate(ptr %0, i64 %91, i64 %98, i64 3)
  br label %rate.done33

rate.fast32:                                      ; preds = %ok28
  %102 = sdiv i64 %prod29, 1000000
  %103 = srem i64 %prod29, 1000000
  %104 = icmp sge i64 %103, 500000
  %105 = icmp sle i64 %103, -500000
  %106 = zext i1 %104 to i64
  %107 = add i64 %102, %106
  %108 = zext i1 %105 to i64
  %rounded34 = sub i64 %107, %108
  br label %rate.done33

rate.done33:                                      ; preds = %rate.wide31, %rate.fast32
  %109 = phi i64 [ %rounded34, %rate.fast32 ], [ %101, %rate.wide31 ]
  store i64 %109, ptr %result17, align 4
  br label %done18

branch36:                                         ; preds = %guard38
  br label %branch41

next37:                                           ; preds = %next16
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard38:                                          ; preds = %next16
  br label %branch36

done40:                                           ; preds = %rate.done55
  %value57 = load i64, ptr %result39, align 4
  store i64 %value57, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %110 = icmp slt i64 %ctx.f7, 17532
  %111 = icmp sge i64 %ctx.f7, 17167
  %112 = and i1 %111, %110
  %113 = select i1 %112, i64 0, i64 -1
  %114 = icmp slt i64 %ctx.f7, 17897
  %115 = icmp sge i64 %ctx.f7, 17532
  %116 = and i1 %115, %114
  %117 = select i1 %116, i64 3, i64 %113
  %118 = icmp slt i64 %ctx.f7, 9223372036854775807
  %119 = icmp sge i64 %ctx.f7, 17897
  %120 = and i1 %119, %118
  %121 = select i1 %120, i64 6, i64 %117
  %122 = icmp slt i64 %121, 0
  br i1 %122, label %fail58, label %ok59

branch41:                                         ; preds = %branch36
  %123 = getelementptr i64, ptr %ctx.f, i64 2
  %124 = load i64, ptr %123, align 4
  %125 = icmp slt i64 %ctx.f7, 17532
  %126 = icmp sge i64 %ctx.f7, 17167
  %127 = and i1 %126, %125
  %128 = select i1 %127, i64 0, i64 -1
  %129 = icmp slt i64 %ctx.f7, 17897
  %130 = icmp sge i64 %ctx.f7, 17532
  %131 = and i1 %130, %129
  %132 = select i1 %131, i64 3, i64 %128
  %133 = icmp slt i64 %ctx.f7, 9223372036854775807
  %134 = icmp sge i64 %ctx.f7, 17897
  %135 = and i1 %134, %133
  %136 = select i1 %135, i64 6, i64 %132
  %137 = icmp slt i64 %136, 0
  br i1 %137, label %fail43, label %ok44

next42:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail43:                                           ; preds = %branch41
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok44:                                             ; preds = %branch41
  %138 = getelementptr i64, ptr %ctx.f, i64 1
  %139 = load i64, ptr %138, align 4
  %140 = add i64 %136, %139
  %141 = getelementptr i64, ptr %ctx.f8, i64 %140
  %142 = load i64, ptr %141, align 4
  %143 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %124, i64 %142)
  %v45 = extractvalue { i64, i1 } %143, 0
  %ovf46 = extractvalue { i64, i1 } %143, 1
  br i1 %ovf46, label %fail47, label %ok48

fail47:                                           ; preds = %ok44
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok48:                                             ; preds = %ok44
  %144 = icmp sgt i64 %v45, 0
  %145 = select i1 %144, i64 %v45, i64 0
  %146 = icmp slt i64 %ctx.f7, 9223372036854775807
  %147 = icmp sge i64 %ctx.f7, 17167
  %148 = and i1 %147, %146
  %149 = select i1 %148, i64 9, i64 -1
  %150 = icmp slt i64 %149, 0
  br i1 %150, label %fail49, label %ok50

fail49:                                           ; preds = %ok48
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok50:                                             ; preds = %ok48
  %151 = getelementptr i64, ptr %ctx.f8, i64 %149
  %152 = load i64, ptr %151, align 4
  %153 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %145, i64 %152)
  %prod51 = extractvalue { i64, i1 } %153, 0
  %wide52 = extractvalue { i64, i1 } %153, 1
  %154 = call i1 @llvm.expect.i1(i1 %wide52, i1 false)
  br i1 %154, label %rate.wide53, label %rate.fast54

rate.wide53:                                      ; preds = %ok50
  %155 = call i64 @polrt_mul_rate(ptr %0, i64 %145, i64 %152, i64 3)
  br label %rate.done55

rate.fast54:                                      ; preds = %ok50
  %156 = sdiv i64 %prod51, 1000000
  %157 = srem i64 %prod51, 1000000
  %158 = icmp sge i64 %157, 500000
  %159 = icmp sle i64 %157, -500000
  %160 = zext i1 %158 to i64
  %161 = add i64 %156, %160
  %162 = zext i1 %159 to i64
  %rounded56 = sub i64 %161, %162
  br label %rate.done55

rate.done55:                                      ; preds = %rate.wide53, %rate.fast54
  %163 = phi i64 [ %rounded56, %rate.fast54 ], [ %155, %rate.wide53 ]
  store i64 %163, ptr %result39, align 4
  br label %done40

fail58:                                           ; preds = %done40
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok59:                                             ; preds = %done40
  %164 = getelementptr i64, ptr %ctx.f, i64 1
  %165 = load i64, ptr %164, align 4
  %166 = add i64 %121, %165
  %167 = getelementptr i64, ptr %ctx.f8, i64 %166
  %168 = load i64, ptr %167, align 4
  %169 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %value57, i64 %168)
  %v60 = extractvalue { i64, i1 } %169, 0
  %ovf61 = extractvalue { i64, i1 } %169, 1
  br i1 %ovf61, label %fail62, label %ok63

fail62:                                           ; preds = %ok59
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok63:                                             ; preds = %ok59
  store i64 %v60, ptr %result, align 4
  br label %done
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
