; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [2492 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\89\88\E6\9C\AC\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/versions.pol\22,\22sha256\22:\22740f4ecf8232dd5711a11139ee82229804820484540451756b4ef4796d3bda4c\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Level\22,\22members\22:[{\22name\22:\22township\22,\22label\22:\22\E4\B9\A1\E9\95\87\22},{\22name\22:\22county\22,\22label\22:\22\E5\8E\BF\E5\8C\BA\22},{\22name\22:\22city\22,\22label\22:\22\E5\B8\82\E7\BA\A7\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22level\22,\22type\22:\22enum:Level\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22emergency\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0},{\22name\22:\22referred\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:1}],\22params\22:[{\22name\22:\22deductible\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:\22Level\22,\22cites\22:\22\E7\AC\AC\E4\B8\89\E6\9D\A1\22,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:\222018-01-01\22,\22offset\22:0,\22width\22:3},{\22from\22:\222018-01-01\22,\22to\22:\222019-01-01\22,\22offset\22:3,\22width\22:3},{\22from\22:\222019-01-01\22,\22to\22:null,\22offset\22:6,\22width\22:3}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:10,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:9,\22width\22:1}]}],\22rules\22:[{\22name\22:\22base\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:\22\E7\AC\AC\E5\9B\9B\E6\9D\A1\22,\22line\22:11}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22emergency\22,\22cites\22:null,\22line\22:16},{\22name\22:\22unreferred\22,\22cites\22:\22\E7\AC\AC\E5\85\AB\E6\9D\A1\22,\22line\22:15},{\22name\22:\22from 2017-01-01\22,\22cites\22:null,\22line\22:13},{\22name\22:\22from 2018-07-01\22,\22cites\22:null,\22line\22:14}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22deductible\22,\22line\22:6,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:10,\22col\22:7},{\22rule\22:\22base\22,\22line\22:11,\22col\22:6},{\22rule\22:\22base\22,\22line\22:11,\22col\22:32},{\22rule\22:\22base\22,\22line\22:11,\22col\22:36},{\22rule\22:\22base\22,\22line\22:11,\22col\22:50},{\22rule\22:\22base\22,\22line\22:11,\22col\22:61},{\22rule\22:\22base\22,\22line\22:11,\22col\22:77},{\22rule\22:\22pay\22,\22line\22:12,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:64},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:78},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:41},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:45},{\22rule\22:\22pay\22,\22line\22:15,\22col\22:88},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:44},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:65},{\22rule\22:\22pay\22,\22line\22:13,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:21},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:28},{\22rule\22:\22pay\22,\22line\22:14,\22col\22:39}]}\00"
@polc_params = constant [11 x i64] [i64 10000, i64 30000, i64 50000, i64 20000, i64 30000, i64 60000, i64 0, i64 25000, i64 55000, i64 800000, i64 0]
@polc_fast_flags = constant i64 3

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
  %ctx.f13 = load ptr, ptr %1, align 8
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

done:                                             ; preds = %host.done
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

rate.wide:                                        ; preds = %rate.fast, %ok10
  %57 = call i64 @polrt_mul_rate(ptr %0, i64 %45, i64 %54, i64 3)
  br label %host.done

rate.fast:                                        ; preds = %ok10
  %58 = icmp slt i64 %prod, 0
  %59 = select i1 %58, i64 -500000, i64 500000
  %60 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %59)
  %v11 = extractvalue { i64, i1 } %60, 0
  %ovf12 = extractvalue { i64, i1 } %60, 1
  %61 = call i1 @llvm.expect.i1(i1 %ovf12, i1 false)
  br i1 %61, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v11, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %62 = phi i64 [ %rounded, %round ], [ %57, %rate.wide ]
  store i64 %62, ptr %result, align 4
  %63 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 0, ptr %63, align 4
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
  %ctx.f73 = load ptr, ptr %1, align 8
  %result44 = alloca i64, align 8
  %result19 = alloca i64, align 8
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

done:                                             ; preds = %ok71, %done20, %branch15, %done4
  %value72 = load i64, ptr %result, align 4
  store i64 %value72, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %8 = getelementptr i64, ptr %ctx.f73, i64 0
  store i64 %value72, ptr %8, align 4
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

done4:                                            ; preds = %host.done
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

rate.wide:                                        ; preds = %rate.fast, %ok12
  %46 = call i64 @polrt_mul_rate(ptr %0, i64 %36, i64 %43, i64 3)
  br label %host.done

rate.fast:                                        ; preds = %ok12
  %47 = icmp slt i64 %prod, 0
  %48 = select i1 %47, i64 -500000, i64 500000
  %49 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %48)
  %v13 = extractvalue { i64, i1 } %49, 0
  %ovf14 = extractvalue { i64, i1 } %49, 1
  %50 = call i1 @llvm.expect.i1(i1 %ovf14, i1 false)
  br i1 %50, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v13, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %51 = phi i64 [ %rounded, %round ], [ %46, %rate.wide ]
  store i64 %51, ptr %result3, align 4
  br label %done4

branch15:                                         ; preds = %logic
  store i64 0, ptr %result, align 4
  br label %done

next16:                                           ; preds = %logic
  %52 = icmp slt i64 %ctx.f7, 17713
  %53 = icmp sge i64 %ctx.f7, 17167
  %54 = and i1 %53, %52
  br i1 %54, label %guard, label %next18

rhs:                                              ; preds = %next
  %55 = getelementptr i64, ptr %ctx.f, i64 1
  %56 = load i64, ptr %55, align 4
  %57 = icmp eq i64 %56, 2
  %58 = zext i1 %57 to i64
  %59 = icmp ne i64 %58, 0
  %60 = zext i1 %59 to i64
  br label %logic

logic:                                            ; preds = %rhs, %next
  %61 = phi i64 [ 0, %next ], [ %60, %rhs ]
  %62 = icmp ne i64 %61, 0
  br i1 %62, label %branch15, label %next16

branch17:                                         ; preds = %guard
  br label %branch21

next18:                                           ; preds = %next16
  %63 = icmp slt i64 %ctx.f7, 9223372036854775807
  %64 = icmp sge i64 %ctx.f7, 17713
  %65 = and i1 %64, %63
  br i1 %65, label %guard43, label %next42

guard:                                            ; preds = %next16
  br label %branch17

done20:                                           ; preds = %host.done39
  %value40 = load i64, ptr %result19, align 4
  store i64 %value40, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  store i64 %value40, ptr %result, align 4
  br label %done

branch21:                                         ; preds = %branch17
  %66 = getelementptr i64, ptr %ctx.f, i64 2
  %67 = load i64, ptr %66, align 4
  %68 = icmp slt i64 %ctx.f7, 17532
  %69 = icmp sge i64 %ctx.f7, 17167
  %70 = and i1 %69, %68
  %71 = select i1 %70, i64 0, i64 -1
  %72 = icmp slt i64 %ctx.f7, 17897
  %73 = icmp sge i64 %ctx.f7, 17532
  %74 = and i1 %73, %72
  %75 = select i1 %74, i64 3, i64 %71
  %76 = icmp slt i64 %ctx.f7, 9223372036854775807
  %77 = icmp sge i64 %ctx.f7, 17897
  %78 = and i1 %77, %76
  %79 = select i1 %78, i64 6, i64 %75
  %80 = icmp slt i64 %79, 0
  br i1 %80, label %fail23, label %ok24

next22:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail23:                                           ; preds = %branch21
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok24:                                             ; preds = %branch21
  %81 = getelementptr i64, ptr %ctx.f, i64 1
  %82 = load i64, ptr %81, align 4
  %83 = add i64 %79, %82
  %84 = getelementptr i64, ptr %ctx.f8, i64 %83
  %85 = load i64, ptr %84, align 4
  %86 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %67, i64 %85)
  %v25 = extractvalue { i64, i1 } %86, 0
  %ovf26 = extractvalue { i64, i1 } %86, 1
  br i1 %ovf26, label %fail27, label %ok28

fail27:                                           ; preds = %ok24
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok28:                                             ; preds = %ok24
  %87 = icmp sgt i64 %v25, 0
  %88 = select i1 %87, i64 %v25, i64 0
  %89 = icmp slt i64 %ctx.f7, 9223372036854775807
  %90 = icmp sge i64 %ctx.f7, 17167
  %91 = and i1 %90, %89
  %92 = select i1 %91, i64 9, i64 -1
  %93 = icmp slt i64 %92, 0
  br i1 %93, label %fail29, label %ok30

fail29:                                           ; preds = %ok28
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok30:                                             ; preds = %ok28
  %94 = getelementptr i64, ptr %ctx.f8, i64 %92
  %95 = load i64, ptr %94, align 4
  %96 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %88, i64 %95)
  %prod31 = extractvalue { i64, i1 } %96, 0
  %wide32 = extractvalue { i64, i1 } %96, 1
  %97 = call i1 @llvm.expect.i1(i1 %wide32, i1 false)
  br i1 %97, label %rate.wide33, label %rate.fast34

rate.wide33:                                      ; preds = %rate.fast34, %ok30
  %98 = call i64 @polrt_mul_rate(ptr %0, i64 %88, i64 %95, i64 3)
  br label %host.done39

rate.fast34:                                      ; preds = %ok30
  %99 = icmp slt i64 %prod31, 0
  %100 = select i1 %99, i64 -500000, i64 500000
  %101 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod31, i64 %100)
  %v35 = extractvalue { i64, i1 } %101, 0
  %ovf36 = extractvalue { i64, i1 } %101, 1
  %102 = call i1 @llvm.expect.i1(i1 %ovf36, i1 false)
  br i1 %102, label %rate.wide33, label %round37

round37:                                          ; preds = %rate.fast34
  %rounded38 = sdiv i64 %v35, 1000000
  br label %host.done39

host.done39:                                      ; preds = %rate.wide33, %round37
  %103 = phi i64 [ %rounded38, %round37 ], [ %98, %rate.wide33 ]
  store i64 %103, ptr %result19, align 4
  br label %done20

branch41:                                         ; preds = %guard43
  br label %branch46

next42:                                           ; preds = %next18
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

guard43:                                          ; preds = %next18
  br label %branch41

done45:                                           ; preds = %host.done64
  %value65 = load i64, ptr %result44, align 4
  store i64 %value65, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %104 = icmp slt i64 %ctx.f7, 17532
  %105 = icmp sge i64 %ctx.f7, 17167
  %106 = and i1 %105, %104
  %107 = select i1 %106, i64 0, i64 -1
  %108 = icmp slt i64 %ctx.f7, 17897
  %109 = icmp sge i64 %ctx.f7, 17532
  %110 = and i1 %109, %108
  %111 = select i1 %110, i64 3, i64 %107
  %112 = icmp slt i64 %ctx.f7, 9223372036854775807
  %113 = icmp sge i64 %ctx.f7, 17897
  %114 = and i1 %113, %112
  %115 = select i1 %114, i64 6, i64 %111
  %116 = icmp slt i64 %115, 0
  br i1 %116, label %fail66, label %ok67

branch46:                                         ; preds = %branch41
  %117 = getelementptr i64, ptr %ctx.f, i64 2
  %118 = load i64, ptr %117, align 4
  %119 = icmp slt i64 %ctx.f7, 17532
  %120 = icmp sge i64 %ctx.f7, 17167
  %121 = and i1 %120, %119
  %122 = select i1 %121, i64 0, i64 -1
  %123 = icmp slt i64 %ctx.f7, 17897
  %124 = icmp sge i64 %ctx.f7, 17532
  %125 = and i1 %124, %123
  %126 = select i1 %125, i64 3, i64 %122
  %127 = icmp slt i64 %ctx.f7, 9223372036854775807
  %128 = icmp sge i64 %ctx.f7, 17897
  %129 = and i1 %128, %127
  %130 = select i1 %129, i64 6, i64 %126
  %131 = icmp slt i64 %130, 0
  br i1 %131, label %fail48, label %ok49

next47:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail48:                                           ; preds = %branch46
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok49:                                             ; preds = %branch46
  %132 = getelementptr i64, ptr %ctx.f, i64 1
  %133 = load i64, ptr %132, align 4
  %134 = add i64 %130, %133
  %135 = getelementptr i64, ptr %ctx.f8, i64 %134
  %136 = load i64, ptr %135, align 4
  %137 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %118, i64 %136)
  %v50 = extractvalue { i64, i1 } %137, 0
  %ovf51 = extractvalue { i64, i1 } %137, 1
  br i1 %ovf51, label %fail52, label %ok53

fail52:                                           ; preds = %ok49
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok53:                                             ; preds = %ok49
  %138 = icmp sgt i64 %v50, 0
  %139 = select i1 %138, i64 %v50, i64 0
  %140 = icmp slt i64 %ctx.f7, 9223372036854775807
  %141 = icmp sge i64 %ctx.f7, 17167
  %142 = and i1 %141, %140
  %143 = select i1 %142, i64 9, i64 -1
  %144 = icmp slt i64 %143, 0
  br i1 %144, label %fail54, label %ok55

fail54:                                           ; preds = %ok53
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok55:                                             ; preds = %ok53
  %145 = getelementptr i64, ptr %ctx.f8, i64 %143
  %146 = load i64, ptr %145, align 4
  %147 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %139, i64 %146)
  %prod56 = extractvalue { i64, i1 } %147, 0
  %wide57 = extractvalue { i64, i1 } %147, 1
  %148 = call i1 @llvm.expect.i1(i1 %wide57, i1 false)
  br i1 %148, label %rate.wide58, label %rate.fast59

rate.wide58:                                      ; preds = %rate.fast59, %ok55
  %149 = call i64 @polrt_mul_rate(ptr %0, i64 %139, i64 %146, i64 3)
  br label %host.done64

rate.fast59:                                      ; preds = %ok55
  %150 = icmp slt i64 %prod56, 0
  %151 = select i1 %150, i64 -500000, i64 500000
  %152 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod56, i64 %151)
  %v60 = extractvalue { i64, i1 } %152, 0
  %ovf61 = extractvalue { i64, i1 } %152, 1
  %153 = call i1 @llvm.expect.i1(i1 %ovf61, i1 false)
  br i1 %153, label %rate.wide58, label %round62

round62:                                          ; preds = %rate.fast59
  %rounded63 = sdiv i64 %v60, 1000000
  br label %host.done64

host.done64:                                      ; preds = %rate.wide58, %round62
  %154 = phi i64 [ %rounded63, %round62 ], [ %149, %rate.wide58 ]
  store i64 %154, ptr %result44, align 4
  br label %done45

fail66:                                           ; preds = %done45
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

ok67:                                             ; preds = %done45
  %155 = getelementptr i64, ptr %ctx.f, i64 1
  %156 = load i64, ptr %155, align 4
  %157 = add i64 %115, %156
  %158 = getelementptr i64, ptr %ctx.f8, i64 %157
  %159 = load i64, ptr %158, align 4
  %160 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %value65, i64 %159)
  %v68 = extractvalue { i64, i1 } %160, 0
  %ovf69 = extractvalue { i64, i1 } %160, 1
  br i1 %ovf69, label %fail70, label %ok71

fail70:                                           ; preds = %ok67
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok71:                                             ; preds = %ok67
  store i64 %v68, ptr %result, align 4
  br label %done
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
