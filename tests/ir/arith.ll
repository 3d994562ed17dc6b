; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [5427 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\AE\97\E6\9C\AF\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/arith.pol\22,\22sha256\22:\22525789ff662b640322d7256b3e510f4b730983bec5b0d3fc1f0ccd1a742326f1\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22part\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22n\22,\22type\22:\22int\22,\22label\22:null,\22default\22:null},{\22name\22:\22r\22,\22type\22:\22rate\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0},{\22name\22:\22diff\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:2},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:3},{\22name\22:\22times\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:4},{\22name\22:\22each\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:5},{\22name\22:\22share\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:6},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:7},{\22name\22:\22neg\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:8},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:9},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:10},{\22name\22:\22highest\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:11}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22floor\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]},{\22name\22:\22cap\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:2,\22width\22:1}]}],\22rules\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22diff\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:9,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:9}]},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22times\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22each\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22share\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22neg\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:17,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:17}]},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:18,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:18}]},{\22name\22:\22highest\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:19,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:19}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:5,\22col\22:7},{\22rule\22:\22floor\22,\22line\22:6,\22col\22:7},{\22rule\22:\22cap\22,\22line\22:7,\22col\22:7},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:6},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:19},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:33},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:6},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:20},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:24},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:38},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:51},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:6},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:22},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:36},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:6},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:23},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:31},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:45},{\22rule\22:\22times\22,\22line\22:12,\22col\22:6},{\22rule\22:\22times\22,\22line\22:12,\22col\22:21},{\22rule\22:\22times\22,\22line\22:12,\22col\22:35},{\22rule\22:\22each\22,\22line\22:13,\22col\22:6},{\22rule\22:\22each\22,\22line\22:13,\22col\22:20},{\22rule\22:\22each\22,\22line\22:13,\22col\22:34},{\22rule\22:\22share\22,\22line\22:14,\22col\22:6},{\22rule\22:\22share\22,\22line\22:14,\22col\22:20},{\22rule\22:\22share\22,\22line\22:14,\22col\22:33},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:6},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:17},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:25},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:35},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:6},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:19},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:20},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:6},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:49},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:42},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:29},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:23},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:6},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:26},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:39},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:22},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:51},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:6},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:27},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:40},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:23}]}\00"
@polc_params = constant [4 x i64] [i64 800000, i64 10000, i64 300000, i64 0]
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
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 0
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 0
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %14, i64 %16)
  %v = extractvalue { i64, i1 } %17, 0
  %ovf = extractvalue { i64, i1 } %17, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 0, ptr %18, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f12 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 1
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 1
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %ok11
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = getelementptr i64, ptr %ctx.f2, i64 2
  %19 = load i64, ptr %18, align 4
  %20 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %17, i64 %19)
  %v = extractvalue { i64, i1 } %20, 0
  %ovf = extractvalue { i64, i1 } %20, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 6)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok:                                               ; preds = %branch
  %21 = icmp slt i64 %ctx.f3, 9223372036854775807
  %22 = icmp sge i64 %ctx.f3, 17167
  %23 = and i1 %22, %21
  %24 = select i1 %23, i64 1, i64 -1
  %25 = select i1 %23, i64 0, i64 -1
  %26 = icmp slt i64 %24, 0
  br i1 %26, label %fail4, label %ok5

fail4:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 10)
  unreachable

ok5:                                              ; preds = %ok
  %27 = getelementptr i64, ptr %ctx.f6, i64 1
  store i64 %25, ptr %27, align 4
  %28 = getelementptr i64, ptr %ctx.f7, i64 %24
  %29 = load i64, ptr %28, align 4
  %30 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %29)
  %v8 = extractvalue { i64, i1 } %30, 0
  %ovf9 = extractvalue { i64, i1 } %30, 1
  br i1 %ovf9, label %fail10, label %ok11

fail10:                                           ; preds = %ok5
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok11:                                             ; preds = %ok5
  %31 = icmp sgt i64 %v8, 0
  %32 = select i1 %31, i64 %v8, i64 0
  store i64 %32, ptr %result, align 4
  %33 = getelementptr i64, ptr %ctx.f12, i64 1
  store i64 0, ptr %33, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_2(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f6 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 2
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 2
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %rate.done
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 2
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 0, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 11)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 0
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %17, i64 %26)
  %prod = extractvalue { i64, i1 } %27, 0
  %wide = extractvalue { i64, i1 } %27, 1
  %28 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %28, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %17, i64 %26, i64 12)
  br label %rate.done

rate.fast:                                        ; preds = %ok
  %30 = sdiv i64 %prod, 1000000
  %31 = srem i64 %prod, 1000000
  %32 = icmp sge i64 %31, 500000
  %33 = icmp sle i64 %31, -500000
  %34 = zext i1 %32 to i64
  %35 = add i64 %30, %34
  %36 = zext i1 %33 to i64
  %rounded = sub i64 %35, %36
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %37 = phi i64 [ %rounded, %rate.fast ], [ %29, %rate.wide ]
  store i64 %37, ptr %result, align 4
  %38 = getelementptr i64, ptr %ctx.f6, i64 2
  store i64 0, ptr %38, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_3(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f12 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 3
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 3
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 3
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %rate.done10
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 3
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 3
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 0, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 14)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 0
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %17, i64 %26)
  %prod = extractvalue { i64, i1 } %27, 0
  %wide = extractvalue { i64, i1 } %27, 1
  %28 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %28, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %17, i64 %26, i64 15)
  br label %rate.done

rate.fast:                                        ; preds = %ok
  %30 = sdiv i64 %prod, 1000000
  %31 = srem i64 %prod, 1000000
  %32 = icmp sge i64 %31, 500000
  %33 = icmp sle i64 %31, -500000
  %34 = zext i1 %32 to i64
  %35 = add i64 %30, %34
  %36 = zext i1 %33 to i64
  %rounded = sub i64 %35, %36
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %37 = phi i64 [ %rounded, %rate.fast ], [ %29, %rate.wide ]
  %38 = getelementptr i64, ptr %ctx.f2, i64 4
  %39 = load i64, ptr %38, align 4
  %40 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %37, i64 %39)
  %prod6 = extractvalue { i64, i1 } %40, 0
  %wide7 = extractvalue { i64, i1 } %40, 1
  %41 = call i1 @llvm.expect.i1(i1 %wide7, i1 false)
  br i1 %41, label %rate.wide8, label %rate.fast9

rate.wide8:                                       ; preds = %rate.done
  %42 = call i64 @polrt_mul_rate(ptr %0, i64 %37, i64 %39, i64 15)
  br label %rate.done10

rate.fast9:                                       ; preds = %rate.done
  %43 = sdiv i64 %prod6, 1000000
  %44 = srem i64 %prod6, 1000000
  %45 = icmp sge i64 %44, 500000
  %46 = icmp sle i64 %44, -500000
  %47 = zext i1 %45 to i64
  %48 = add i64 %43, %47
  %49 = zext i1 %46 to i64
  %rounded11 = sub i64 %48, %49
  br label %rate.done10

rate.done10:                                      ; preds = %rate.wide8, %rate.fast9
  %50 = phi i64 [ %rounded11, %rate.fast9 ], [ %42, %rate.wide8 ]
  store i64 %50, ptr %result, align 4
  %51 = getelementptr i64, ptr %ctx.f12, i64 3
  store i64 0, ptr %51, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_4(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 4
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 4
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 4
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 3
  %16 = load i64, ptr %15, align 4
  %17 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %14, i64 %16)
  %v = extractvalue { i64, i1 } %17, 0
  %ovf = extractvalue { i64, i1 } %17, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 4
  store i64 0, ptr %18, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_5(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 5
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 5
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 5
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 3
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polrt_div_round(ptr %0, i64 %14, i64 %16, i64 22)
  store i64 %17, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 5
  store i64 0, ptr %18, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 21)
  unreachable
}

; Function Attrs: noinline optnone
define i64 @polc_rule_6(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 6
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 6
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 6
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 6
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 2
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 1
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polrt_ratio(ptr %0, i64 %14, i64 %16, i64 25)
  store i64 %17, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 6
  store i64 0, ptr %18, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 24)
  unreachable
}

; Function Attrs: noinline optnone
define i64 @polc_rule_7(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f6 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f3 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f2 = load i64, ptr %5, align 4
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 7
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 7
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 7
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %rate.done
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 7
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 7
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = icmp slt i64 %ctx.f2, 9223372036854775807
  %17 = icmp sge i64 %ctx.f2, 17167
  %18 = and i1 %17, %16
  %19 = select i1 %18, i64 0, i64 -1
  %20 = select i1 %18, i64 0, i64 -1
  %21 = icmp slt i64 %19, 0
  br i1 %21, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

ok:                                               ; preds = %branch
  %22 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 %20, ptr %22, align 4
  %23 = getelementptr i64, ptr %ctx.f4, i64 %19
  %24 = load i64, ptr %23, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 4
  %26 = load i64, ptr %25, align 4
  %27 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %24, i64 %26)
  %prod = extractvalue { i64, i1 } %27, 0
  %wide = extractvalue { i64, i1 } %27, 1
  %28 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %28, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok
  %29 = call i64 @polrt_rate_mul_rate(ptr %0, i64 %24, i64 %26, i64 28)
  br label %rate.done

rate.fast:                                        ; preds = %ok
  %30 = sdiv i64 %prod, 1000000
  %31 = srem i64 %prod, 1000000
  %32 = icmp sge i64 %31, 500000
  %33 = icmp sle i64 %31, -500000
  %34 = zext i1 %32 to i64
  %35 = add i64 %30, %34
  %36 = zext i1 %33 to i64
  %rounded = sub i64 %35, %36
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %37 = phi i64 [ %rounded, %rate.fast ], [ %29, %rate.wide ]
  %38 = getelementptr i64, ptr %ctx.f5, i64 3
  %39 = load i64, ptr %38, align 4
  %40 = call i64 @polrt_div_round(ptr %0, i64 %37, i64 %39, i64 28)
  store i64 %40, ptr %result, align 4
  %41 = getelementptr i64, ptr %ctx.f6, i64 7
  store i64 0, ptr %41, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_8(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 8
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 8
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 8
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 8
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 8
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 0, i64 %14)
  %v = extractvalue { i64, i1 } %15, 0
  %ovf = extractvalue { i64, i1 } %15, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 32)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
  %16 = getelementptr i64, ptr %ctx.f3, i64 8
  store i64 0, ptr %16, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_9(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f8 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 9
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 9
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 9
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %ok7
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 9
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 9
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 1, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 34)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 36)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 1
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = icmp sgt i64 %17, %26
  %28 = select i1 %27, i64 %17, i64 %26
  %29 = icmp slt i64 %ctx.f3, 9223372036854775807
  %30 = icmp sge i64 %ctx.f3, 17167
  %31 = and i1 %30, %29
  %32 = select i1 %31, i64 2, i64 -1
  %33 = select i1 %31, i64 0, i64 -1
  %34 = icmp slt i64 %32, 0
  br i1 %34, label %fail6, label %ok7

fail6:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

ok7:                                              ; preds = %ok
  %35 = getelementptr i64, ptr %ctx.f4, i64 2
  store i64 %33, ptr %35, align 4
  %36 = getelementptr i64, ptr %ctx.f5, i64 %32
  %37 = load i64, ptr %36, align 4
  %38 = icmp slt i64 %28, %37
  %39 = select i1 %38, i64 %28, i64 %37
  store i64 %39, ptr %result, align 4
  %40 = getelementptr i64, ptr %ctx.f8, i64 9
  store i64 0, ptr %40, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_10(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f6 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 10
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 10
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 10
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 10
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 10
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = getelementptr i64, ptr %ctx.f2, i64 2
  %19 = load i64, ptr %18, align 4
  %20 = icmp slt i64 %17, %19
  %21 = select i1 %20, i64 %17, i64 %19
  %22 = icmp slt i64 %ctx.f3, 9223372036854775807
  %23 = icmp sge i64 %ctx.f3, 17167
  %24 = and i1 %23, %22
  %25 = select i1 %24, i64 2, i64 -1
  %26 = select i1 %24, i64 0, i64 -1
  %27 = icmp slt i64 %25, 0
  br i1 %27, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 39)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 43)
  unreachable

ok:                                               ; preds = %branch
  %28 = getelementptr i64, ptr %ctx.f4, i64 2
  store i64 %26, ptr %28, align 4
  %29 = getelementptr i64, ptr %ctx.f5, i64 %25
  %30 = load i64, ptr %29, align 4
  %31 = icmp slt i64 %21, %30
  %32 = select i1 %31, i64 %21, i64 %30
  store i64 %32, ptr %result, align 4
  %33 = getelementptr i64, ptr %ctx.f6, i64 10
  store i64 0, ptr %33, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_11(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 11
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 11
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 11
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 11
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 11
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = icmp sgt i64 %14, %16
  %18 = select i1 %17, i64 %14, i64 %16
  store i64 %18, ptr %result, align 4
  %19 = getelementptr i64, ptr %ctx.f3, i64 11
  store i64 0, ptr %19, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 44)
  unreachable
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(none)
declare i1 @llvm.expect.i1(i1, i1) #3

; Function Attrs: noinline optnone
define i64 @polc_settle(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %3, align 8
  %4 = getelementptr i64, ptr %ctx.f, i64 0
  %5 = load i64, ptr %4, align 4
  %6 = icmp eq i64 %5, 2
  br i1 %6, label %memo.hit, label %memo.miss

memo.hit:                                         ; preds = %entry
  %7 = getelementptr i64, ptr %ctx.f1, i64 0
  %8 = load i64, ptr %7, align 4
  br label %memo

memo.miss:                                        ; preds = %entry
  %9 = call i64 @polc_rule_0(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %10 = phi i64 [ %8, %memo.hit ], [ %9, %memo.miss ]
  %11 = getelementptr i64, ptr %ctx.f2, i64 0
  store i64 %10, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 1
  %13 = load i64, ptr %12, align 4
  %14 = icmp eq i64 %13, 2
  br i1 %14, label %memo.hit3, label %memo.miss4

memo.hit3:                                        ; preds = %memo
  %15 = getelementptr i64, ptr %ctx.f1, i64 1
  %16 = load i64, ptr %15, align 4
  br label %memo5

memo.miss4:                                       ; preds = %memo
  %17 = call i64 @polc_rule_1(ptr %0)
  br label %memo5

memo5:                                            ; preds = %memo.miss4, %memo.hit3
  %18 = phi i64 [ %16, %memo.hit3 ], [ %17, %memo.miss4 ]
  %19 = getelementptr i64, ptr %ctx.f2, i64 1
  store i64 %18, ptr %19, align 4
  %20 = getelementptr i64, ptr %ctx.f, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = icmp eq i64 %21, 2
  br i1 %22, label %memo.hit6, label %memo.miss7

memo.hit6:                                        ; preds = %memo5
  %23 = getelementptr i64, ptr %ctx.f1, i64 2
  %24 = load i64, ptr %23, align 4
  br label %memo8

memo.miss7:                                       ; preds = %memo5
  %25 = call i64 @polc_rule_2(ptr %0)
  br label %memo8

memo8:                                            ; preds = %memo.miss7, %memo.hit6
  %26 = phi i64 [ %24, %memo.hit6 ], [ %25, %memo.miss7 ]
  %27 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 %26, ptr %27, align 4
  %28 = getelementptr i64, ptr %ctx.f, i64 3
  %29 = load i64, ptr %28, align 4
  %30 = icmp eq i64 %29, 2
  br i1 %30, label %memo.hit9, label %memo.miss10

memo.hit9:                                        ; preds = %memo8
  %31 = getelementptr i64, ptr %ctx.f1, i64 3
  %32 = load i64, ptr %31, align 4
  br label %memo11

memo.miss10:                                      ; preds = %memo8
  %33 = call i64 @polc_rule_3(ptr %0)
  br label %memo11

memo11:                                           ; preds = %memo.miss10, %memo.hit9
  %34 = phi i64 [ %32, %memo.hit9 ], [ %33, %memo.miss10 ]
  %35 = getelementptr i64, ptr %ctx.f2, i64 3
  store i64 %34, ptr %35, align 4
  %36 = getelementptr i64, ptr %ctx.f, i64 4
  %37 = load i64, ptr %36, align 4
  %38 = icmp eq i64 %37, 2
  br i1 %38, label %memo.hit12, label %memo.miss13

memo.hit12:                                       ; preds = %memo11
  %39 = getelementptr i64, ptr %ctx.f1, i64 4
  %40 = load i64, ptr %39, align 4
  br label %memo14

memo.miss13:                                      ; preds = %memo11
  %41 = call i64 @polc_rule_4(ptr %0)
  br label %memo14

memo14:                                           ; preds = %memo.miss13, %memo.hit12
  %42 = phi i64 [ %40, %memo.hit12 ], [ %41, %memo.miss13 ]
  %43 = getelementptr i64, ptr %ctx.f2, i64 4
  store i64 %42, ptr %43, align 4
  %44 = getelementptr i64, ptr %ctx.f, i64 5
  %45 = load i64, ptr %44, align 4
  %46 = icmp eq i64 %45, 2
  br i1 %46, label %memo.hit15, label %memo.miss16

memo.hit15:                                       ; preds = %memo14
  %47 = getelementptr i64, ptr %ctx.f1, i64 5
  %48 = load i64, ptr %47, align 4
  br label %memo17

memo.miss16:                                      ; preds = %memo14
  %49 = call i64 @polc_rule_5(ptr %0)
  br label %memo17

memo17:                                           ; preds = %memo.miss16, %memo.hit15
  %50 = phi i64 [ %48, %memo.hit15 ], [ %49, %memo.miss16 ]
  %51 = getelementptr i64, ptr %ctx.f2, i64 5
  store i64 %50, ptr %51, align 4
  %52 = getelementptr i64, ptr %ctx.f, i64 6
  %53 = load i64, ptr %52, align 4
  %54 = icmp eq i64 %53, 2
  br i1 %54, label %memo.hit18, label %memo.miss19

memo.hit18:                                       ; preds = %memo17
  %55 = getelementptr i64, ptr %ctx.f1, i64 6
  %56 = load i64, ptr %55, align 4
  br label %memo20

memo.miss19:                                      ; preds = %memo17
  %57 = call i64 @polc_rule_6(ptr %0)
  br label %memo20

memo20:                                           ; preds = %memo.miss19, %memo.hit18
  %58 = phi i64 [ %56, %memo.hit18 ], [ %57, %memo.miss19 ]
  %59 = getelementptr i64, ptr %ctx.f2, i64 6
  store i64 %58, ptr %59, align 4
  %60 = getelementptr i64, ptr %ctx.f, i64 7
  %61 = load i64, ptr %60, align 4
  %62 = icmp eq i64 %61, 2
  br i1 %62, label %memo.hit21, label %memo.miss22

memo.hit21:                                       ; preds = %memo20
  %63 = getelementptr i64, ptr %ctx.f1, i64 7
  %64 = load i64, ptr %63, align 4
  br label %memo23

memo.miss22:                                      ; preds = %memo20
  %65 = call i64 @polc_rule_7(ptr %0)
  br label %memo23

memo23:                                           ; preds = %memo.miss22, %memo.hit21
  %66 = phi i64 [ %64, %memo.hit21 ], [ %65, %memo.miss22 ]
  %67 = getelementptr i64, ptr %ctx.f2, i64 7
  store i64 %66, ptr %67, align 4
  %68 = getelementptr i64, ptr %ctx.f, i64 8
  %69 = load i64, ptr %68, align 4
  %70 = icmp eq i64 %69, 2
  br i1 %70, label %memo.hit24, label %memo.miss25

memo.hit24:                                       ; preds = %memo23
  %71 = getelementptr i64, ptr %ctx.f1, i64 8
  %72 = load i64, ptr %71, align 4
  br label %memo26

memo.miss25:                                      ; preds = %memo23
  %73 = call i64 @polc_rule_8(ptr %0)
  br label %memo26

memo26:                                           ; preds = %memo.miss25, %memo.hit24
  %74 = phi i64 [ %72, %memo.hit24 ], [ %73, %memo.miss25 ]
  %75 = getelementptr i64, ptr %ctx.f2, i64 8
  store i64 %74, ptr %75, align 4
  %76 = getelementptr i64, ptr %ctx.f, i64 9
  %77 = load i64, ptr %76, align 4
  %78 = icmp eq i64 %77, 2
  br i1 %78, label %memo.hit27, label %memo.miss28

memo.hit27:                                       ; preds = %memo26
  %79 = getelementptr i64, ptr %ctx.f1, i64 9
  %80 = load i64, ptr %79, align 4
  br label %memo29

memo.miss28:                                      ; preds = %memo26
  %81 = call i64 @polc_rule_9(ptr %0)
  br label %memo29

memo29:                                           ; preds = %memo.miss28, %memo.hit27
  %82 = phi i64 [ %80, %memo.hit27 ], [ %81, %memo.miss28 ]
  %83 = getelementptr i64, ptr %ctx.f2, i64 9
  store i64 %82, ptr %83, align 4
  %84 = getelementptr i64, ptr %ctx.f, i64 10
  %85 = load i64, ptr %84, align 4
  %86 = icmp eq i64 %85, 2
  br i1 %86, label %memo.hit30, label %memo.miss31

memo.hit30:                                       ; preds = %memo29
  %87 = getelementptr i64, ptr %ctx.f1, i64 10
  %88 = load i64, ptr %87, align 4
  br label %memo32

memo.miss31:                                      ; preds = %memo29
  %89 = call i64 @polc_rule_10(ptr %0)
  br label %memo32

memo32:                                           ; preds = %memo.miss31, %memo.hit30
  %90 = phi i64 [ %88, %memo.hit30 ], [ %89, %memo.miss31 ]
  %91 = getelementptr i64, ptr %ctx.f2, i64 10
  store i64 %90, ptr %91, align 4
  %92 = getelementptr i64, ptr %ctx.f, i64 11
  %93 = load i64, ptr %92, align 4
  %94 = icmp eq i64 %93, 2
  br i1 %94, label %memo.hit33, label %memo.miss34

memo.hit33:                                       ; preds = %memo32
  %95 = getelementptr i64, ptr %ctx.f1, i64 11
  %96 = load i64, ptr %95, align 4
  br label %memo35

memo.miss34:                                      ; preds = %memo32
  %97 = call i64 @polc_rule_11(ptr %0)
  br label %memo35

memo35:                                           ; preds = %memo.miss34, %memo.hit33
  %98 = phi i64 [ %96, %memo.hit33 ], [ %97, %memo.miss34 ]
  %99 = getelementptr i64, ptr %ctx.f2, i64 11
  store i64 %98, ptr %99, align 4
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
  %ctx.f128 = load ptr, ptr %1, align 8
  %result123 = alloca i64, align 8
  %result116 = alloca i64, align 8
  %result107 = alloca i64, align 8
  %result98 = alloca i64, align 8
  %result85 = alloca i64, align 8
  %result80 = alloca i64, align 8
  %result75 = alloca i64, align 8
  %result66 = alloca i64, align 8
  %result47 = alloca i64, align 8
  %result40 = alloca i64, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f34 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f31 = load i64, ptr %3, align 4
  %result23 = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %4, align 8
  %result = alloca i64, align 8
  %memo.done22 = alloca i64, align 8
  %memo21 = alloca i64, align 8
  %memo.done20 = alloca i64, align 8
  %memo19 = alloca i64, align 8
  %memo.done18 = alloca i64, align 8
  %memo17 = alloca i64, align 8
  %memo.done16 = alloca i64, align 8
  %memo15 = alloca i64, align 8
  %memo.done14 = alloca i64, align 8
  %memo13 = alloca i64, align 8
  %memo.done12 = alloca i64, align 8
  %memo11 = alloca i64, align 8
  %memo.done10 = alloca i64, align 8
  %memo9 = alloca i64, align 8
  %memo.done8 = alloca i64, align 8
  %memo7 = alloca i64, align 8
  %memo.done6 = alloca i64, align 8
  %memo5 = alloca i64, align 8
  %memo.done4 = alloca i64, align 8
  %memo3 = alloca i64, align 8
  %memo.done2 = alloca i64, align 8
  %memo1 = alloca i64, align 8
  %memo.done = alloca i64, align 8
  %memo = alloca i64, align 8
  store i64 0, ptr %memo.done, align 4
  store i64 0, ptr %memo.done2, align 4
  store i64 0, ptr %memo.done4, align 4
  store i64 0, ptr %memo.done6, align 4
  store i64 0, ptr %memo.done8, align 4
  store i64 0, ptr %memo.done10, align 4
  store i64 0, ptr %memo.done12, align 4
  store i64 0, ptr %memo.done14, align 4
  store i64 0, ptr %memo.done16, align 4
  store i64 0, ptr %memo.done18, align 4
  store i64 0, ptr %memo.done20, align 4
  store i64 0, ptr %memo.done22, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  br label %branch25

branch:                                           ; preds = %entry
  %5 = getelementptr i64, ptr %ctx.f, i64 1
  %6 = load i64, ptr %5, align 4
  %7 = getelementptr i64, ptr %ctx.f, i64 2
  %8 = load i64, ptr %7, align 4
  %9 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %6, i64 %8)
  %v = extractvalue { i64, i1 } %9, 0
  %ovf = extractvalue { i64, i1 } %9, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 4)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
  br label %done

done24:                                           ; preds = %ok38
  %value39 = load i64, ptr %result23, align 4
  store i64 %value39, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  br label %branch42

branch25:                                         ; preds = %done
  %10 = getelementptr i64, ptr %ctx.f, i64 1
  %11 = load i64, ptr %10, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 2
  %13 = load i64, ptr %12, align 4
  %14 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %11, i64 %13)
  %v27 = extractvalue { i64, i1 } %14, 0
  %ovf28 = extractvalue { i64, i1 } %14, 1
  br i1 %ovf28, label %fail29, label %ok30

next26:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 6)
  unreachable

fail29:                                           ; preds = %branch25
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok30:                                             ; preds = %branch25
  %15 = icmp slt i64 %ctx.f31, 9223372036854775807
  %16 = icmp sge i64 %ctx.f31, 17167
  %17 = and i1 %16, %15
  %18 = select i1 %17, i64 1, i64 -1
  %19 = icmp slt i64 %18, 0
  br i1 %19, label %fail32, label %ok33

fail32:                                           ; preds = %ok30
  call void @polrt_fail(ptr %0, i64 6, i64 10)
  unreachable

ok33:                                             ; preds = %ok30
  %20 = getelementptr i64, ptr %ctx.f34, i64 %18
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v27, i64 %21)
  %v35 = extractvalue { i64, i1 } %22, 0
  %ovf36 = extractvalue { i64, i1 } %22, 1
  br i1 %ovf36, label %fail37, label %ok38

fail37:                                           ; preds = %ok33
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok38:                                             ; preds = %ok33
  %23 = icmp sgt i64 %v35, 0
  %24 = select i1 %23, i64 %v35, i64 0
  store i64 %24, ptr %result23, align 4
  br label %done24

done41:                                           ; preds = %rate.done
  %value46 = load i64, ptr %result40, align 4
  store i64 %value46, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  br label %branch49

branch42:                                         ; preds = %done24
  %25 = getelementptr i64, ptr %ctx.f, i64 1
  %26 = load i64, ptr %25, align 4
  %27 = icmp slt i64 %ctx.f31, 9223372036854775807
  %28 = icmp sge i64 %ctx.f31, 17167
  %29 = and i1 %28, %27
  %30 = select i1 %29, i64 0, i64 -1
  %31 = icmp slt i64 %30, 0
  br i1 %31, label %fail44, label %ok45

next43:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 11)
  unreachable

fail44:                                           ; preds = %branch42
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

ok45:                                             ; preds = %branch42
  %32 = getelementptr i64, ptr %ctx.f34, i64 %30
  %33 = load i64, ptr %32, align 4
  %34 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %26, i64 %33)
  %prod = extractvalue { i64, i1 } %34, 0
  %wide = extractvalue { i64, i1 } %34, 1
  %35 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %35, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %ok45
  %36 = call i64 @polrt_mul_rate(ptr %0, i64 %26, i64 %33, i64 12)
  br label %rate.done

rate.fast:                                        ; preds = %ok45
  %37 = sdiv i64 %prod, 1000000
  %38 = srem i64 %prod, 1000000
  %39 = icmp sge i64 %38, 500000
  %40 = icmp sle i64 %38, -500000
  %41 = zext i1 %39 to i64
  %42 = add i64 %37, %41
  %43 = zext i1 %40 to i64
  %rounded = sub i64 %42, %43
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %44 = phi i64 [ %rounded, %rate.fast ], [ %36, %rate.wide ]
  store i64 %44, ptr %result40, align 4
  br label %done41

done48:                                           ; preds = %rate.done63
  %value65 = load i64, ptr %result47, align 4
  store i64 %value65, ptr %memo5, align 4
  store i64 1, ptr %memo.done6, align 4
  br label %branch68

branch49:                                         ; preds = %done41
  %45 = getelementptr i64, ptr %ctx.f, i64 1
  %46 = load i64, ptr %45, align 4
  %47 = icmp slt i64 %ctx.f31, 9223372036854775807
  %48 = icmp sge i64 %ctx.f31, 17167
  %49 = and i1 %48, %47
  %50 = select i1 %49, i64 0, i64 -1
  %51 = icmp slt i64 %50, 0
  br i1 %51, label %fail51, label %ok52

next50:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 14)
  unreachable

fail51:                                           ; preds = %branch49
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok52:                                             ; preds = %branch49
  %52 = getelementptr i64, ptr %ctx.f34, i64 %50
  %53 = load i64, ptr %52, align 4
  %54 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %46, i64 %53)
  %prod53 = extractvalue { i64, i1 } %54, 0
  %wide54 = extractvalue { i64, i1 } %54, 1
  %55 = call i1 @llvm.expect.i1(i1 %wide54, i1 false)
  br i1 %55, label %rate.wide55, label %rate.fast56

rate.wide55:                                      ; preds = %ok52
  %56 = call i64 @polrt_mul_rate(ptr %0, i64 %46, i64 %53, i64 15)
  br label %rate.done57

rate.fast56:                                      ; preds = %ok52
  %57 = sdiv i64 %prod53, 1000000
  %58 = srem i64 %prod53, 1000000
  %59 = icmp sge i64 %58, 500000
  %60 = icmp sle i64 %58, -500000
  %61 = zext i1 %59 to i64
  %62 = add i64 %57, %61
  %63 = zext i1 %60 to i64
  %rounded58 = sub i64 %62, %63
  br label %rate.done57

rate.done57:                                      ; preds = %rate.wide55, %rate.fast56
  %64 = phi i64 [ %rounded58, %rate.fast56 ], [ %56, %rate.wide55 ]
  %65 = getelementptr i64, ptr %ctx.f, i64 4
  %66 = load i64, ptr %65, align 4
  %67 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %64, i64 %66)
  %prod59 = extractvalue { i64, i1 } %67, 0
  %wide60 = extractvalue { i64, i1 } %67, 1
  %68 = call i1 @llvm.expect.i1(i1 %wide60, i1 false)
  br i1 %68, label %rate.wide61, label %rate.fast62

rate.wide61:                                      ; preds = %rate.done57
  %69 = call i64 @polrt_mul_rate(ptr %0, i64 %64, i64 %66, i64 15)
  br label %rate.done63

rate.fast62:                                      ; preds = %rate.done57
  %70 = sdiv i64 %prod59, 1000000
  %71 = srem i64 %prod59, 1000000
  %72 = icmp sge i64 %71, 500000
  %73 = icmp sle i64 %71, -500000
  %74 = zext i1 %72 to i64
  %75 = add i64 %70, %74
  %76 = zext i1 %73 to i64
  %rounded64 = sub i64 %75, %76
  br label %rate.done63

rate.done63:                                      ; preds = %rate.wide61, %rate.fast62
  %77 = phi i64 [ %rounded64, %rate.fast62 ], [ %69, %rate.wide61 ]
  store i64 %77, ptr %result47, align 4
  br label %done48

done67:                                           ; preds = %ok73
  %value74 = load i64, ptr %result66, align 4
  store i64 %value74, ptr %memo7, align 4
  store i64 1, ptr %memo.done8, align 4
  br label %branch77

branch68:                                         ; preds = %done48
  %78 = getelementptr i64, ptr %ctx.f, i64 1
  %79 = load i64, ptr %78, align 4
  %80 = getelementptr i64, ptr %ctx.f, i64 3
  %81 = load i64, ptr %80, align 4
  %82 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %79, i64 %81)
  %v70 = extractvalue { i64, i1 } %82, 0
  %ovf71 = extractvalue { i64, i1 } %82, 1
  br i1 %ovf71, label %fail72, label %ok73

next69:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

fail72:                                           ; preds = %branch68
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok73:                                             ; preds = %branch68
  store i64 %v70, ptr %result66, align 4
  br label %done67

done76:                                           ; preds = %branch77
  %value79 = load i64, ptr %result75, align 4
  store i64 %value79, ptr %memo9, align 4
  store i64 1, ptr %memo.done10, align 4
  br label %branch82

branch77:                                         ; preds = %done67
  %83 = getelementptr i64, ptr %ctx.f, i64 1
  %84 = load i64, ptr %83, align 4
  %85 = getelementptr i64, ptr %ctx.f, i64 3
  %86 = load i64, ptr %85, align 4
  %87 = call i64 @polrt_div_round(ptr %0, i64 %84, i64 %86, i64 22)
  store i64 %87, ptr %result75, align 4
  br label %done76

next78:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 21)
  unreachable

done81:                                           ; preds = %branch82
  %value84 = load i64, ptr %result80, align 4
  store i64 %value84, ptr %memo11, align 4
  store i64 1, ptr %memo.done12, align 4
  br label %branch87

branch82:                                         ; preds = %done76
  %88 = getelementptr i64, ptr %ctx.f, i64 2
  %89 = load i64, ptr %88, align 4
  %90 = getelementptr i64, ptr %ctx.f, i64 1
  %91 = load i64, ptr %90, align 4
  %92 = call i64 @polrt_ratio(ptr %0, i64 %89, i64 %91, i64 25)
  store i64 %92, ptr %result80, align 4
  br label %done81

next83:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 24)
  unreachable

done86:                                           ; preds = %rate.done95
  %value97 = load i64, ptr %result85, align 4
  store i64 %value97, ptr %memo13, align 4
  store i64 1, ptr %memo.done14, align 4
  br label %branch100

branch87:                                         ; preds = %done81
  %93 = icmp slt i64 %ctx.f31, 9223372036854775807
  %94 = icmp sge i64 %ctx.f31, 17167
  %95 = and i1 %94, %93
  %96 = select i1 %95, i64 0, i64 -1
  %97 = icmp slt i64 %96, 0
  br i1 %97, label %fail89, label %ok90

next88:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

fail89:                                           ; preds = %branch87
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

ok90:                                             ; preds = %branch87
  %98 = getelementptr i64, ptr %ctx.f34, i64 %96
  %99 = load i64, ptr %98, align 4
  %100 = getelementptr i64, ptr %ctx.f, i64 4
  %101 = load i64, ptr %100, align 4
  %102 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %99, i64 %101)
  %prod91 = extractvalue { i64, i1 } %102, 0
  %wide92 = extractvalue { i64, i1 } %102, 1
  %103 = call i1 @llvm.expect.i1(i1 %wide92, i1 false)
  br i1 %103, label %rate.wide93, label %rate.fast94

rate.wide93:                                      ; preds = %ok90
  %104 = call i64 @polrt_rate_mul_rate(ptr %0, i64 %99, i64 %101, i64 28)
  br label %rate.done95

rate.fast94:                                      ; preds = %ok90
  %105 = sdiv i64 %prod91, 1000000
  %106 = srem i64 %prod91, 1000000
  %107 = icmp sge i64 %106, 500000
  %108 = icmp sle i64 %106, -500000
  %109 = zext i1 %107 to i64
  %110 = add i64 %105, %109
  %111 = zext i1 %108 to i64
  %rounded96 = sub i64 %110, %111
  br label %rate.done95

rate.done95:                                      ; preds = %rate.wide93, %rate.fast94
  %112 = phi i64 [ %rounded96, %rate.fast94 ], [ %104, %rate.wide93 ]
  %113 = getelementptr i64, ptr %ctx.f, i64 3
  %114 = load i64, ptr %113, align 4
  %115 = call i64 @polrt_div_round(ptr %0, i64 %112, i64 %114, i64 28)
  store i64 %115, ptr %result85, align 4
  br label %done86

done99:                                           ; preds = %ok105
  %value106 = load i64, ptr %result98, align 4
  store i64 %value106, ptr %memo15, align 4
  store i64 1, ptr %memo.done16, align 4
  br label %branch109

branch100:                                        ; preds = %done86
  %116 = getelementptr i64, ptr %ctx.f, i64 1
  %117 = load i64, ptr %116, align 4
  %118 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 0, i64 %117)
  %v102 = extractvalue { i64, i1 } %118, 0
  %ovf103 = extractvalue { i64, i1 } %118, 1
  br i1 %ovf103, label %fail104, label %ok105

next101:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

fail104:                                          ; preds = %branch100
  call void @polrt_fail(ptr %0, i64 1, i64 32)
  unreachable

ok105:                                            ; preds = %branch100
  store i64 %v102, ptr %result98, align 4
  br label %done99

done108:                                          ; preds = %ok114
  %value115 = load i64, ptr %result107, align 4
  store i64 %value115, ptr %memo17, align 4
  store i64 1, ptr %memo.done18, align 4
  br label %branch118

branch109:                                        ; preds = %done99
  %119 = getelementptr i64, ptr %ctx.f, i64 1
  %120 = load i64, ptr %119, align 4
  %121 = icmp slt i64 %ctx.f31, 9223372036854775807
  %122 = icmp sge i64 %ctx.f31, 17167
  %123 = and i1 %122, %121
  %124 = select i1 %123, i64 1, i64 -1
  %125 = icmp slt i64 %124, 0
  br i1 %125, label %fail111, label %ok112

next110:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 34)
  unreachable

fail111:                                          ; preds = %branch109
  call void @polrt_fail(ptr %0, i64 6, i64 36)
  unreachable

ok112:                                            ; preds = %branch109
  %126 = getelementptr i64, ptr %ctx.f34, i64 %124
  %127 = load i64, ptr %126, align 4
  %128 = icmp sgt i64 %120, %127
  %129 = select i1 %128, i64 %120, i64 %127
  %130 = icmp slt i64 %ctx.f31, 9223372036854775807
  %131 = icmp sge i64 %ctx.f31, 17167
  %132 = and i1 %131, %130
  %133 = select i1 %132, i64 2, i64 -1
  %134 = icmp slt i64 %133, 0
  br i1 %134, label %fail113, label %ok114

fail113:                                          ; preds = %ok112
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

ok114:                                            ; preds = %ok112
  %135 = getelementptr i64, ptr %ctx.f34, i64 %133
  %136 = load i64, ptr %135, align 4
  %137 = icmp slt i64 %129, %136
  %138 = select i1 %137, i64 %129, i64 %136
  store i64 %138, ptr %result107, align 4
  br label %done108

done117:                                          ; preds = %ok121
  %value122 = load i64, ptr %result116, align 4
  store i64 %value122, ptr %memo19, align 4
  store i64 1, ptr %memo.done20, align 4
  br label %branch125

branch118:                                        ; preds = %done108
  %139 = getelementptr i64, ptr %ctx.f, i64 1
  %140 = load i64, ptr %139, align 4
  %141 = getelementptr i64, ptr %ctx.f, i64 2
  %142 = load i64, ptr %141, align 4
  %143 = icmp slt i64 %140, %142
  %144 = select i1 %143, i64 %140, i64 %142
  %145 = icmp slt i64 %ctx.f31, 9223372036854775807
  %146 = icmp sge i64 %ctx.f31, 17167
  %147 = and i1 %146, %145
  %148 = select i1 %147, i64 2, i64 -1
  %149 = icmp slt i64 %148, 0
  br i1 %149, label %fail120, label %ok121

next119:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 39)
  unreachable

fail120:                                          ; preds = %branch118
  call void @polrt_fail(ptr %0, i64 6, i64 43)
  unreachable

ok121:                                            ; preds = %branch118
  %150 = getelementptr i64, ptr %ctx.f34, i64 %148
  %151 = load i64, ptr %150, align 4
  %152 = icmp slt i64 %144, %151
  %153 = select i1 %152, i64 %144, i64 %151
  store i64 %153, ptr %result116, align 4
  br label %done117

done124:                                          ; preds = %branch125
  %value127 = load i64, ptr %result123, align 4
  store i64 %value127, ptr %memo21, align 4
  store i64 1, ptr %memo.done22, align 4
  %154 = getelementptr i64, ptr %ctx.f128, i64 0
  store i64 %value, ptr %154, align 4
  %155 = getelementptr i64, ptr %ctx.f128, i64 1
  store i64 %value39, ptr %155, align 4
  %156 = getelementptr i64, ptr %ctx.f128, i64 2
  store i64 %value46, ptr %156, align 4
  %157 = getelementptr i64, ptr %ctx.f128, i64 3
  store i64 %value65, ptr %157, align 4
  %158 = getelementptr i64, ptr %ctx.f128, i64 4
  store i64 %value74, ptr %158, align 4
  %159 = getelementptr i64, ptr %ctx.f128, i64 5
  store i64 %value79, ptr %159, align 4
  %160 = getelementptr i64, ptr %ctx.f128, i64 6
  store i64 %value84, ptr %160, align 4
  %161 = getelementptr i64, ptr %ctx.f128, i64 7
  store i64 %value97, ptr %161, align 4
  %162 = getelementptr i64, ptr %ctx.f128, i64 8
  store i64 %value106, ptr %162, align 4
  %163 = getelementptr i64, ptr %ctx.f128, i64 9
  store i64 %value115, ptr %163, align 4
  %164 = getelementptr i64, ptr %ctx.f128, i64 10
  store i64 %value122, ptr %164, align 4
  %165 = getelementptr i64, ptr %ctx.f128, i64 11
  store i64 %value127, ptr %165, align 4
  ret i64 0

branch125:                                        ; preds = %done117
  %166 = getelementptr i64, ptr %ctx.f, i64 1
  %167 = load i64, ptr %166, align 4
  %168 = getelementptr i64, ptr %ctx.f, i64 2
  %169 = load i64, ptr %168, align 4
  %170 = icmp sgt i64 %167, %169
  %171 = select i1 %170, i64 %167, i64 %169
  store i64 %171, ptr %result123, align 4
  br label %done124

next126:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 44)
  unreachable
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
