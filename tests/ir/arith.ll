; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [5427 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\AE\97\E6\9C\AF\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/arith.pol\22,\22sha256\22:\22525789ff662b640322d7256b3e510f4b730983bec5b0d3fc1f0ccd1a742326f1\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22part\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22n\22,\22type\22:\22int\22,\22label\22:null,\22default\22:null},{\22name\22:\22r\22,\22type\22:\22rate\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0},{\22name\22:\22diff\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:2},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:3},{\22name\22:\22times\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:4},{\22name\22:\22each\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:5},{\22name\22:\22share\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:6},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:7},{\22name\22:\22neg\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:8},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:9},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:10},{\22name\22:\22highest\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:11}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22floor\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]},{\22name\22:\22cap\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:2,\22width\22:1}]}],\22rules\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22diff\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:9,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:9}]},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22times\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22each\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22share\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22neg\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:17,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:17}]},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:18,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:18}]},{\22name\22:\22highest\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:19,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:19}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:5,\22col\22:7},{\22rule\22:\22floor\22,\22line\22:6,\22col\22:7},{\22rule\22:\22cap\22,\22line\22:7,\22col\22:7},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:6},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:19},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:33},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:6},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:20},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:24},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:38},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:51},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:6},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:22},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:36},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:6},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:23},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:31},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:45},{\22rule\22:\22times\22,\22line\22:12,\22col\22:6},{\22rule\22:\22times\22,\22line\22:12,\22col\22:21},{\22rule\22:\22times\22,\22line\22:12,\22col\22:35},{\22rule\22:\22each\22,\22line\22:13,\22col\22:6},{\22rule\22:\22each\22,\22line\22:13,\22col\22:20},{\22rule\22:\22each\22,\22line\22:13,\22col\22:34},{\22rule\22:\22share\22,\22line\22:14,\22col\22:6},{\22rule\22:\22share\22,\22line\22:14,\22col\22:20},{\22rule\22:\22share\22,\22line\22:14,\22col\22:33},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:6},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:17},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:25},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:35},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:6},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:19},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:20},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:6},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:49},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:42},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:29},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:23},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:6},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:26},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:39},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:22},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:51},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:6},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:27},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:40},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:23}]}\00"
@polc_params = constant [4 x i64] [i64 800000, i64 10000, i64 300000, i64 0]
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

done:                                             ; preds = %host.done
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

rate.wide:                                        ; preds = %rate.fast, %ok
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %17, i64 %26, i64 12)
  br label %host.done

rate.fast:                                        ; preds = %ok
  %30 = icmp slt i64 %prod, 0
  %31 = select i1 %30, i64 -500000, i64 500000
  %32 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %31)
  %v = extractvalue { i64, i1 } %32, 0
  %ovf = extractvalue { i64, i1 } %32, 1
  %33 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %33, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %34 = phi i64 [ %rounded, %round ], [ %29, %rate.wide ]
  store i64 %34, ptr %result, align 4
  %35 = getelementptr i64, ptr %ctx.f6, i64 2
  store i64 0, ptr %35, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_3(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f15 = load ptr, ptr %1, align 8
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

done:                                             ; preds = %host.done14
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

rate.wide:                                        ; preds = %rate.fast, %ok
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %17, i64 %26, i64 15)
  br label %host.done

rate.fast:                                        ; preds = %ok
  %30 = icmp slt i64 %prod, 0
  %31 = select i1 %30, i64 -500000, i64 500000
  %32 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %31)
  %v = extractvalue { i64, i1 } %32, 0
  %ovf = extractvalue { i64, i1 } %32, 1
  %33 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %33, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %34 = phi i64 [ %rounded, %round ], [ %29, %rate.wide ]
  %35 = getelementptr i64, ptr %ctx.f2, i64 4
  %36 = load i64, ptr %35, align 4
  %37 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %34, i64 %36)
  %prod6 = extractvalue { i64, i1 } %37, 0
  %wide7 = extractvalue { i64, i1 } %37, 1
  %38 = call i1 @llvm.expect.i1(i1 %wide7, i1 false)
  br i1 %38, label %rate.wide8, label %rate.fast9

rate.wide8:                                       ; preds = %rate.fast9, %host.done
  %39 = call i64 @polrt_mul_rate(ptr %0, i64 %34, i64 %36, i64 15)
  br label %host.done14

rate.fast9:                                       ; preds = %host.done
  %40 = icmp slt i64 %prod6, 0
  %41 = select i1 %40, i64 -500000, i64 500000
  %42 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod6, i64 %41)
  %v10 = extractvalue { i64, i1 } %42, 0
  %ovf11 = extractvalue { i64, i1 } %42, 1
  %43 = call i1 @llvm.expect.i1(i1 %ovf11, i1 false)
  br i1 %43, label %rate.wide8, label %round12

round12:                                          ; preds = %rate.fast9
  %rounded13 = sdiv i64 %v10, 1000000
  br label %host.done14

host.done14:                                      ; preds = %rate.wide8, %round12
  %44 = phi i64 [ %rounded13, %round12 ], [ %39, %rate.wide8 ]
  store i64 %44, ptr %result, align 4
  %45 = getelementptr i64, ptr %ctx.f15, i64 3
  store i64 0, ptr %45, align 4
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

done:                                             ; preds = %host.done
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

rate.wide:                                        ; preds = %rate.fast, %ok
  %29 = call i64 @polrt_rate_mul_rate(ptr %0, i64 %24, i64 %26, i64 28)
  br label %host.done

rate.fast:                                        ; preds = %ok
  %30 = icmp slt i64 %prod, 0
  %31 = select i1 %30, i64 -500000, i64 500000
  %32 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %31)
  %v = extractvalue { i64, i1 } %32, 0
  %ovf = extractvalue { i64, i1 } %32, 1
  %33 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %33, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %34 = phi i64 [ %rounded, %round ], [ %29, %rate.wide ]
  %35 = getelementptr i64, ptr %ctx.f5, i64 3
  %36 = load i64, ptr %35, align 4
  %37 = call i64 @polrt_div_round(ptr %0, i64 %34, i64 %36, i64 28)
  store i64 %37, ptr %result, align 4
  %38 = getelementptr i64, ptr %ctx.f6, i64 7
  store i64 0, ptr %38, align 4
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
  %result135 = alloca i64, align 8
  %result128 = alloca i64, align 8
  %result119 = alloca i64, align 8
  %result110 = alloca i64, align 8
  %result94 = alloca i64, align 8
  %result89 = alloca i64, align 8
  %result84 = alloca i64, align 8
  %result75 = alloca i64, align 8
  %result50 = alloca i64, align 8
  %result41 = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f35 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f32 = load i64, ptr %2, align 4
  %result24 = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f23 = load ptr, ptr %3, align 8
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
  %5 = getelementptr i64, ptr %ctx.f23, i64 0
  store i64 %value, ptr %5, align 4
  br label %branch26

branch:                                           ; preds = %entry
  %6 = getelementptr i64, ptr %ctx.f, i64 1
  %7 = load i64, ptr %6, align 4
  %8 = getelementptr i64, ptr %ctx.f, i64 2
  %9 = load i64, ptr %8, align 4
  %10 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %7, i64 %9)
  %v = extractvalue { i64, i1 } %10, 0
  %ovf = extractvalue { i64, i1 } %10, 1
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

done25:                                           ; preds = %ok39
  %value40 = load i64, ptr %result24, align 4
  store i64 %value40, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %11 = getelementptr i64, ptr %ctx.f23, i64 1
  store i64 %value40, ptr %11, align 4
  br label %branch43

branch26:                                         ; preds = %done
  %12 = getelementptr i64, ptr %ctx.f, i64 1
  %13 = load i64, ptr %12, align 4
  %14 = getelementptr i64, ptr %ctx.f, i64 2
  %15 = load i64, ptr %14, align 4
  %16 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %13, i64 %15)
  %v28 = extractvalue { i64, i1 } %16, 0
  %ovf29 = extractvalue { i64, i1 } %16, 1
  br i1 %ovf29, label %fail30, label %ok31

next27:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 6)
  unreachable

fail30:                                           ; preds = %branch26
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok31:                                             ; preds = %branch26
  %17 = icmp slt i64 %ctx.f32, 9223372036854775807
  %18 = icmp sge i64 %ctx.f32, 17167
  %19 = and i1 %18, %17
  %20 = select i1 %19, i64 1, i64 -1
  %21 = icmp slt i64 %20, 0
  br i1 %21, label %fail33, label %ok34

fail33:                                           ; preds = %ok31
  call void @polrt_fail(ptr %0, i64 6, i64 10)
  unreachable

ok34:                                             ; preds = %ok31
  %22 = getelementptr i64, ptr %ctx.f35, i64 %20
  %23 = load i64, ptr %22, align 4
  %24 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v28, i64 %23)
  %v36 = extractvalue { i64, i1 } %24, 0
  %ovf37 = extractvalue { i64, i1 } %24, 1
  br i1 %ovf37, label %fail38, label %ok39

fail38:                                           ; preds = %ok34
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok39:                                             ; preds = %ok34
  %25 = icmp sgt i64 %v36, 0
  %26 = select i1 %25, i64 %v36, i64 0
  store i64 %26, ptr %result24, align 4
  br label %done25

done42:                                           ; preds = %host.done
  %value49 = load i64, ptr %result41, align 4
  store i64 %value49, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  %27 = getelementptr i64, ptr %ctx.f23, i64 2
  store i64 %value49, ptr %27, align 4
  br label %branch52

branch43:                                         ; preds = %done25
  %28 = getelementptr i64, ptr %ctx.f, i64 1
  %29 = load i64, ptr %28, align 4
  %30 = icmp slt i64 %ctx.f32, 9223372036854775807
  %31 = icmp sge i64 %ctx.f32, 17167
  %32 = and i1 %31, %30
  %33 = select i1 %32, i64 0, i64 -1
  %34 = icmp slt i64 %33, 0
  br i1 %34, label %fail45, label %ok46

next44:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 11)
  unreachable

fail45:                                           ; preds = %branch43
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

ok46:                                             ; preds = %branch43
  %35 = getelementptr i64, ptr %ctx.f35, i64 %33
  %36 = load i64, ptr %35, align 4
  %37 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %29, i64 %36)
  %prod = extractvalue { i64, i1 } %37, 0
  %wide = extractvalue { i64, i1 } %37, 1
  %38 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %38, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %rate.fast, %ok46
  %39 = call i64 @polrt_mul_rate(ptr %0, i64 %29, i64 %36, i64 12)
  br label %host.done

rate.fast:                                        ; preds = %ok46
  %40 = icmp slt i64 %prod, 0
  %41 = select i1 %40, i64 -500000, i64 500000
  %42 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %41)
  %v47 = extractvalue { i64, i1 } %42, 0
  %ovf48 = extractvalue { i64, i1 } %42, 1
  %43 = call i1 @llvm.expect.i1(i1 %ovf48, i1 false)
  br i1 %43, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v47, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %44 = phi i64 [ %rounded, %round ], [ %39, %rate.wide ]
  store i64 %44, ptr %result41, align 4
  br label %done42

done51:                                           ; preds = %host.done73
  %value74 = load i64, ptr %result50, align 4
  store i64 %value74, ptr %memo5, align 4
  store i64 1, ptr %memo.done6, align 4
  %45 = getelementptr i64, ptr %ctx.f23, i64 3
  store i64 %value74, ptr %45, align 4
  br label %branch77

branch52:                                         ; preds = %done42
  %46 = getelementptr i64, ptr %ctx.f, i64 1
  %47 = load i64, ptr %46, align 4
  %48 = icmp slt i64 %ctx.f32, 9223372036854775807
  %49 = icmp sge i64 %ctx.f32, 17167
  %50 = and i1 %49, %48
  %51 = select i1 %50, i64 0, i64 -1
  %52 = icmp slt i64 %51, 0
  br i1 %52, label %fail54, label %ok55

next53:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 14)
  unreachable

fail54:                                           ; preds = %branch52
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok55:                                             ; preds = %branch52
  %53 = getelementptr i64, ptr %ctx.f35, i64 %51
  %54 = load i64, ptr %53, align 4
  %55 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %47, i64 %54)
  %prod56 = extractvalue { i64, i1 } %55, 0
  %wide57 = extractvalue { i64, i1 } %55, 1
  %56 = call i1 @llvm.expect.i1(i1 %wide57, i1 false)
  br i1 %56, label %rate.wide58, label %rate.fast59

rate.wide58:                                      ; preds = %rate.fast59, %ok55
  %57 = call i64 @polrt_mul_rate(ptr %0, i64 %47, i64 %54, i64 15)
  br label %host.done64

rate.fast59:                                      ; preds = %ok55
  %58 = icmp slt i64 %prod56, 0
  %59 = select i1 %58, i64 -500000, i64 500000
  %60 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod56, i64 %59)
  %v60 = extractvalue { i64, i1 } %60, 0
  %ovf61 = extractvalue { i64, i1 } %60, 1
  %61 = call i1 @llvm.expect.i1(i1 %ovf61, i1 false)
  br i1 %61, label %rate.wide58, label %round62

round62:                                          ; preds = %rate.fast59
  %rounded63 = sdiv i64 %v60, 1000000
  br label %host.done64

host.done64:                                      ; preds = %rate.wide58, %round62
  %62 = phi i64 [ %rounded63, %round62 ], [ %57, %rate.wide58 ]
  %63 = getelementptr i64, ptr %ctx.f, i64 4
  %64 = load i64, ptr %63, align 4
  %65 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %62, i64 %64)
  %prod65 = extractvalue { i64, i1 } %65, 0
  %wide66 = extractvalue { i64, i1 } %65, 1
  %66 = call i1 @llvm.expect.i1(i1 %wide66, i1 false)
  br i1 %66, label %rate.wide67, label %rate.fast68

rate.wide67:                                      ; preds = %rate.fast68, %host.done64
  %67 = call i64 @polrt_mul_rate(ptr %0, i64 %62, i64 %64, i64 15)
  br label %host.done73

rate.fast68:                                      ; preds = %host.done64
  %68 = icmp slt i64 %prod65, 0
  %69 = select i1 %68, i64 -500000, i64 500000
  %70 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod65, i64 %69)
  %v69 = extractvalue { i64, i1 } %70, 0
  %ovf70 = extractvalue { i64, i1 } %70, 1
  %71 = call i1 @llvm.expect.i1(i1 %ovf70, i1 false)
  br i1 %71, label %rate.wide67, label %round71

round71:                                          ; preds = %rate.fast68
  %rounded72 = sdiv i64 %v69, 1000000
  br label %host.done73

host.done73:                                      ; preds = %rate.wide67, %round71
  %72 = phi i64 [ %rounded72, %round71 ], [ %67, %rate.wide67 ]
  store i64 %72, ptr %result50, align 4
  br label %done51

done76:                                           ; preds = %ok82
  %value83 = load i64, ptr %result75, align 4
  store i64 %value83, ptr %memo7, align 4
  store i64 1, ptr %memo.done8, align 4
  %73 = getelementptr i64, ptr %ctx.f23, i64 4
  store i64 %value83, ptr %73, align 4
  br label %branch86

branch77:                                         ; preds = %done51
  %74 = getelementptr i64, ptr %ctx.f, i64 1
  %75 = load i64, ptr %74, align 4
  %76 = getelementptr i64, ptr %ctx.f, i64 3
  %77 = load i64, ptr %76, align 4
  %78 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %75, i64 %77)
  %v79 = extractvalue { i64, i1 } %78, 0
  %ovf80 = extractvalue { i64, i1 } %78, 1
  br i1 %ovf80, label %fail81, label %ok82

next78:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

fail81:                                           ; preds = %branch77
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok82:                                             ; preds = %branch77
  store i64 %v79, ptr %result75, align 4
  br label %done76

done85:                                           ; preds = %branch86
  %value88 = load i64, ptr %result84, align 4
  store i64 %value88, ptr %memo9, align 4
  store i64 1, ptr %memo.done10, align 4
  %79 = getelementptr i64, ptr %ctx.f23, i64 5
  store i64 %value88, ptr %79, align 4
  br label %branch91

branch86:                                         ; preds = %done76
  %80 = getelementptr i64, ptr %ctx.f, i64 1
  %81 = load i64, ptr %80, align 4
  %82 = getelementptr i64, ptr %ctx.f, i64 3
  %83 = load i64, ptr %82, align 4
  %84 = call i64 @polrt_div_round(ptr %0, i64 %81, i64 %83, i64 22)
  store i64 %84, ptr %result84, align 4
  br label %done85

next87:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 21)
  unreachable

done90:                                           ; preds = %branch91
  %value93 = load i64, ptr %result89, align 4
  store i64 %value93, ptr %memo11, align 4
  store i64 1, ptr %memo.done12, align 4
  %85 = getelementptr i64, ptr %ctx.f23, i64 6
  store i64 %value93, ptr %85, align 4
  br label %branch96

branch91:                                         ; preds = %done85
  %86 = getelementptr i64, ptr %ctx.f, i64 2
  %87 = load i64, ptr %86, align 4
  %88 = getelementptr i64, ptr %ctx.f, i64 1
  %89 = load i64, ptr %88, align 4
  %90 = call i64 @polrt_ratio(ptr %0, i64 %87, i64 %89, i64 25)
  store i64 %90, ptr %result89, align 4
  br label %done90

next92:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 24)
  unreachable

done95:                                           ; preds = %host.done108
  %value109 = load i64, ptr %result94, align 4
  store i64 %value109, ptr %memo13, align 4
  store i64 1, ptr %memo.done14, align 4
  %91 = getelementptr i64, ptr %ctx.f23, i64 7
  store i64 %value109, ptr %91, align 4
  br label %branch112

branch96:                                         ; preds = %done90
  %92 = icmp slt i64 %ctx.f32, 9223372036854775807
  %93 = icmp sge i64 %ctx.f32, 17167
  %94 = and i1 %93, %92
  %95 = select i1 %94, i64 0, i64 -1
  %96 = icmp slt i64 %95, 0
  br i1 %96, label %fail98, label %ok99

next97:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

fail98:                                           ; preds = %branch96
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

ok99:                                             ; preds = %branch96
  %97 = getelementptr i64, ptr %ctx.f35, i64 %95
  %98 = load i64, ptr %97, align 4
  %99 = getelementptr i64, ptr %ctx.f, i64 4
  %100 = load i64, ptr %99, align 4
  %101 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %98, i64 %100)
  %prod100 = extractvalue { i64, i1 } %101, 0
  %wide101 = extractvalue { i64, i1 } %101, 1
  %102 = call i1 @llvm.expect.i1(i1 %wide101, i1 false)
  br i1 %102, label %rate.wide102, label %rate.fast103

rate.wide102:                                     ; preds = %rate.fast103, %ok99
  %103 = call i64 @polrt_rate_mul_rate(ptr %0, i64 %98, i64 %100, i64 28)
  br label %host.done108

rate.fast103:                                     ; preds = %ok99
  %104 = icmp slt i64 %prod100, 0
  %105 = select i1 %104, i64 -500000, i64 500000
  %106 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod100, i64 %105)
  %v104 = extractvalue { i64, i1 } %106, 0
  %ovf105 = extractvalue { i64, i1 } %106, 1
  %107 = call i1 @llvm.expect.i1(i1 %ovf105, i1 false)
  br i1 %107, label %rate.wide102, label %round106

round106:                                         ; preds = %rate.fast103
  %rounded107 = sdiv i64 %v104, 1000000
  br label %host.done108

host.done108:                                     ; preds = %rate.wide102, %round106
  %108 = phi i64 [ %rounded107, %round106 ], [ %103, %rate.wide102 ]
  %109 = getelementptr i64, ptr %ctx.f, i64 3
  %110 = load i64, ptr %109, align 4
  %111 = call i64 @polrt_div_round(ptr %0, i64 %108, i64 %110, i64 28)
  store i64 %111, ptr %result94, align 4
  br label %done95

done111:                                          ; preds = %ok117
  %value118 = load i64, ptr %result110, align 4
  store i64 %value118, ptr %memo15, align 4
  store i64 1, ptr %memo.done16, align 4
  %112 = getelementptr i64, ptr %ctx.f23, i64 8
  store i64 %value118, ptr %112, align 4
  br label %branch121

branch112:                                        ; preds = %done95
  %113 = getelementptr i64, ptr %ctx.f, i64 1
  %114 = load i64, ptr %113, align 4
  %115 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 0, i64 %114)
  %v114 = extractvalue { i64, i1 } %115, 0
  %ovf115 = extractvalue { i64, i1 } %115, 1
  br i1 %ovf115, label %fail116, label %ok117

next113:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

fail116:                                          ; preds = %branch112
  call void @polrt_fail(ptr %0, i64 1, i64 32)
  unreachable

ok117:                                            ; preds = %branch112
  store i64 %v114, ptr %result110, align 4
  br label %done111

done120:                                          ; preds = %ok126
  %value127 = load i64, ptr %result119, align 4
  store i64 %value127, ptr %memo17, align 4
  store i64 1, ptr %memo.done18, align 4
  %116 = getelementptr i64, ptr %ctx.f23, i64 9
  store i64 %value127, ptr %116, align 4
  br label %branch130

branch121:                                        ; preds = %done111
  %117 = getelementptr i64, ptr %ctx.f, i64 1
  %118 = load i64, ptr %117, align 4
  %119 = icmp slt i64 %ctx.f32, 9223372036854775807
  %120 = icmp sge i64 %ctx.f32, 17167
  %121 = and i1 %120, %119
  %122 = select i1 %121, i64 1, i64 -1
  %123 = icmp slt i64 %122, 0
  br i1 %123, label %fail123, label %ok124

next122:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 34)
  unreachable

fail123:                                          ; preds = %branch121
  call void @polrt_fail(ptr %0, i64 6, i64 36)
  unreachable

ok124:                                            ; preds = %branch121
  %124 = getelementptr i64, ptr %ctx.f35, i64 %122
  %125 = load i64, ptr %124, align 4
  %126 = icmp sgt i64 %118, %125
  %127 = select i1 %126, i64 %118, i64 %125
  %128 = icmp slt i64 %ctx.f32, 9223372036854775807
  %129 = icmp sge i64 %ctx.f32, 17167
  %130 = and i1 %129, %128
  %131 = select i1 %130, i64 2, i64 -1
  %132 = icmp slt i64 %131, 0
  br i1 %132, label %fail125, label %ok126

fail125:                                          ; preds = %ok124
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

ok126:                                            ; preds = %ok124
  %133 = getelementptr i64, ptr %ctx.f35, i64 %131
  %134 = load i64, ptr %133, align 4
  %135 = icmp slt i64 %127, %134
  %136 = select i1 %135, i64 %127, i64 %134
  store i64 %136, ptr %result119, align 4
  br label %done120

done129:                                          ; preds = %ok133
  %value134 = load i64, ptr %result128, align 4
  store i64 %value134, ptr %memo19, align 4
  store i64 1, ptr %memo.done20, align 4
  %137 = getelementptr i64, ptr %ctx.f23, i64 10
  store i64 %value134, ptr %137, align 4
  br label %branch137

branch130:                                        ; preds = %done120
  %138 = getelementptr i64, ptr %ctx.f, i64 1
  %139 = load i64, ptr %138, align 4
  %140 = getelementptr i64, ptr %ctx.f, i64 2
  %141 = load i64, ptr %140, align 4
  %142 = icmp slt i64 %139, %141
  %143 = select i1 %142, i64 %139, i64 %141
  %144 = icmp slt i64 %ctx.f32, 9223372036854775807
  %145 = icmp sge i64 %ctx.f32, 17167
  %146 = and i1 %145, %144
  %147 = select i1 %146, i64 2, i64 -1
  %148 = icmp slt i64 %147, 0
  br i1 %148, label %fail132, label %ok133

next131:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 39)
  unreachable

fail132:                                          ; preds = %branch130
  call void @polrt_fail(ptr %0, i64 6, i64 43)
  unreachable

ok133:                                            ; preds = %branch130
  %149 = getelementptr i64, ptr %ctx.f35, i64 %147
  %150 = load i64, ptr %149, align 4
  %151 = icmp slt i64 %143, %150
  %152 = select i1 %151, i64 %143, i64 %150
  store i64 %152, ptr %result128, align 4
  br label %done129

done136:                                          ; preds = %branch137
  %value139 = load i64, ptr %result135, align 4
  store i64 %value139, ptr %memo21, align 4
  store i64 1, ptr %memo.done22, align 4
  %153 = getelementptr i64, ptr %ctx.f23, i64 11
  store i64 %value139, ptr %153, align 4
  ret i64 0

branch137:                                        ; preds = %done129
  %154 = getelementptr i64, ptr %ctx.f, i64 1
  %155 = load i64, ptr %154, align 4
  %156 = getelementptr i64, ptr %ctx.f, i64 2
  %157 = load i64, ptr %156, align 4
  %158 = icmp sgt i64 %155, %157
  %159 = select i1 %158, i64 %155, i64 %157
  store i64 %159, ptr %result135, align 4
  br label %done136

next138:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 44)
  unreachable
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
