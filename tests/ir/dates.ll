; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [4234 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E6\97\A5\E6\9C\9F\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/dates.pol\22,\22sha256\22:\2215c463f294d18550621b0396c8def8aa907296732e5b68ffd01899e6a89d5dc2\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22discharged\22,\22enums\22:[],\22claim\22:[{\22name\22:\22admitted\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22discharged\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22wait\22,\22type\22:\22duration:months\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22on_time\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22elapsed\22,\22type\22:\22int\22,\22label\22:null,\22role\22:null,\22rule\22:2},{\22name\22:\22long_stay\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:3},{\22name\22:\22starts\22,\22type\22:\22date\22,\22label\22:null,\22role\22:null,\22rule\22:4},{\22name\22:\22renew\22,\22type\22:\22date\22,\22label\22:null,\22role\22:null,\22rule\22:5},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:6}],\22params\22:[{\22name\22:\22window\22,\22type\22:\22duration:workdays\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22grace\22,\22type\22:\22duration:days\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]},{\22name\22:\22waiting\22,\22type\22:\22duration:months\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:2,\22width\22:1}]},{\22name\22:\22tenure\22,\22type\22:\22duration:years\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:8,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:3,\22width\22:1}]}],\22rules\22:[{\22name\22:\22in_window\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:2,\22args\22:[{\22name\22:\22start\22,\22type\22:\22date\22},{\22name\22:\22t\22,\22type\22:\22date\22}],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22on_time\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22elapsed\22,\22type\22:\22int\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22long_stay\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22starts\22,\22type\22:\22date\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22renew\22,\22type\22:\22date\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22window\22,\22line\22:5,\22col\22:7},{\22rule\22:\22grace\22,\22line\22:6,\22col\22:7},{\22rule\22:\22waiting\22,\22line\22:7,\22col\22:7},{\22rule\22:\22tenure\22,\22line\22:8,\22col\22:7},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:6},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:46},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:51},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:59},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:6},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:22},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:32},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:48},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:6},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:54},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:38},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:21},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:6},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:24},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:43},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:60},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:6},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:24},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:41},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:51},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:21},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:6},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:20},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:37},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:52},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:72},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:34},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:38},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:84},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:101}]}\00"
@polc_params = constant [5 x i64] [i64 5, i64 15, i64 3, i64 1, i64 0]
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
define i64 @polc_rule_0(ptr %0, i64 %1, i64 %2) #1 {
entry:
  %args = alloca i64, i64 2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f2 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f = load i64, ptr %5, align 4
  %result = alloca i64, align 8
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %6 = getelementptr i64, ptr %args, i64 0
  store i64 %1, ptr %6, align 4
  %7 = getelementptr i64, ptr %args, i64 1
  store i64 %2, ptr %7, align 4
  call void @polrt_trace_call(ptr %0, i64 0, i64 %value, ptr %args, i64 2)
  ret i64 %value

branch:                                           ; preds = %entry
  %8 = icmp slt i64 %ctx.f, 9223372036854775807
  %9 = icmp sge i64 %ctx.f, 20089
  %10 = and i1 %9, %8
  %11 = select i1 %10, i64 0, i64 -1
  %12 = select i1 %10, i64 0, i64 -1
  %13 = icmp slt i64 %11, 0
  br i1 %13, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok:                                               ; preds = %branch
  %14 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %12, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 %11
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polrt_add_workdays(ptr %0, i64 %1, i64 %16, i64 6)
  %18 = icmp sle i64 %2, %17
  %19 = zext i1 %18 to i64
  store i64 %19, ptr %result, align 4
  br label %done
}

define internal i64 @polc_rule_0.fast(ptr %0, i64 %1, i64 %2) {
entry:
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f = load i64, ptr %4, align 4
  %result = alloca i64, align 8
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  ret i64 %value

branch:                                           ; preds = %entry
  %5 = icmp slt i64 %ctx.f, 9223372036854775807
  %6 = icmp sge i64 %ctx.f, 20089
  %7 = and i1 %6, %5
  %8 = select i1 %7, i64 0, i64 -1
  %9 = icmp slt i64 %8, 0
  br i1 %9, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok:                                               ; preds = %branch
  %10 = getelementptr i64, ptr %ctx.f1, i64 %8
  %11 = load i64, ptr %10, align 4
  %12 = call i64 @polrt_add_workdays(ptr %0, i64 %1, i64 %11, i64 6)
  %13 = icmp sle i64 %2, %12
  %14 = zext i1 %13 to i64
  store i64 %14, ptr %result, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_1(ptr %0) #1 {
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
  %5 = getelementptr i64, ptr %ctx.f, i64 1
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 1
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 0
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polc_rule_0(ptr %0, i64 %14, i64 %16)
  store i64 %17, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %18, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable
}

; Function Attrs: noinline optnone
define i64 @polc_rule_2(ptr %0) #1 {
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
  %5 = getelementptr i64, ptr %ctx.f, i64 2
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 2
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 2
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 0
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f2, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polrt_workdays_between(ptr %0, i64 %14, i64 %16, i64 15)
  store i64 %17, ptr %result, align 4
  %18 = getelementptr i64, ptr %ctx.f3, i64 2
  store i64 0, ptr %18, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable
}

; Function Attrs: noinline optnone
define i64 @polc_rule_3(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f8 = load ptr, ptr %1, align 8
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

done:                                             ; preds = %ok5
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 3
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 3
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = getelementptr i64, ptr %ctx.f2, i64 0
  %19 = load i64, ptr %18, align 4
  %20 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %17, i64 %19)
  %v = extractvalue { i64, i1 } %20, 0
  %ovf = extractvalue { i64, i1 } %20, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 16)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok:                                               ; preds = %branch
  %21 = icmp slt i64 %ctx.f3, 9223372036854775807
  %22 = icmp sge i64 %ctx.f3, 20089
  %23 = and i1 %22, %21
  %24 = select i1 %23, i64 1, i64 -1
  %25 = select i1 %23, i64 0, i64 -1
  %26 = icmp slt i64 %24, 0
  br i1 %26, label %fail4, label %ok5

fail4:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 19)
  unreachable

ok5:                                              ; preds = %ok
  %27 = getelementptr i64, ptr %ctx.f6, i64 1
  store i64 %25, ptr %27, align 4
  %28 = getelementptr i64, ptr %ctx.f7, i64 %24
  %29 = load i64, ptr %28, align 4
  %30 = icmp sgt i64 %v, %29
  %31 = zext i1 %30 to i64
  store i64 %31, ptr %result, align 4
  %32 = getelementptr i64, ptr %ctx.f8, i64 3
  store i64 0, ptr %32, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_4(ptr %0) #1 {
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
  %8 = getelementptr i64, ptr %ctx.f, i64 4
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 4
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 4
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 0
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 20089
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 2, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 20)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 22)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 2
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = call i64 @polrt_add_months(ptr %0, i64 %17, i64 %26, i64 21)
  %28 = getelementptr i64, ptr %ctx.f2, i64 4
  %29 = load i64, ptr %28, align 4
  %30 = call i64 @polrt_add_months(ptr %0, i64 %27, i64 %29, i64 21)
  %31 = call i64 @polrt_month_after(ptr %0, i64 %30, i64 24)
  store i64 %31, ptr %result, align 4
  %32 = getelementptr i64, ptr %ctx.f6, i64 4
  store i64 0, ptr %32, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_5(ptr %0) #1 {
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
  %8 = getelementptr i64, ptr %ctx.f, i64 5
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 5
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %ok7
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 5
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 0
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 20089
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 3, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 25)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 3
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %26, i64 12)
  %v = extractvalue { i64, i1 } %27, 0
  %ovf = extractvalue { i64, i1 } %27, 1
  br i1 %ovf, label %fail6, label %ok7

fail6:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 26)
  unreachable

ok7:                                              ; preds = %ok
  %28 = call i64 @polrt_add_months(ptr %0, i64 %17, i64 %v, i64 26)
  store i64 %28, ptr %result, align 4
  %29 = getelementptr i64, ptr %ctx.f8, i64 5
  store i64 0, ptr %29, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_6(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f11 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %2, align 8
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

done:                                             ; preds = %endif
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 6
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = icmp eq i64 %14, 2
  br i1 %15, label %memo.hit, label %memo.miss

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

memo.hit:                                         ; preds = %branch
  %16 = getelementptr i64, ptr %ctx.f1, i64 1
  %17 = load i64, ptr %16, align 4
  br label %memo

memo.miss:                                        ; preds = %branch
  %18 = call i64 @polc_rule_1(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %19 = phi i64 [ %17, %memo.hit ], [ %18, %memo.miss ]
  %20 = icmp ne i64 %19, 0
  br i1 %20, label %rhs, label %logic

rhs:                                              ; preds = %memo
  %21 = getelementptr i64, ptr %ctx.f, i64 3
  %22 = load i64, ptr %21, align 4
  %23 = icmp eq i64 %22, 2
  br i1 %23, label %memo.hit2, label %memo.miss3

logic:                                            ; preds = %memo4, %memo
  %24 = phi i64 [ 0, %memo ], [ %33, %memo4 ]
  %25 = icmp ne i64 %24, 0
  br i1 %25, label %rhs5, label %logic6

memo.hit2:                                        ; preds = %rhs
  %26 = getelementptr i64, ptr %ctx.f1, i64 3
  %27 = load i64, ptr %26, align 4
  br label %memo4

memo.miss3:                                       ; preds = %rhs
  %28 = call i64 @polc_rule_3(ptr %0)
  br label %memo4

memo4:                                            ; preds = %memo.miss3, %memo.hit2
  %29 = phi i64 [ %27, %memo.hit2 ], [ %28, %memo.miss3 ]
  %30 = icmp eq i64 %29, 0
  %31 = zext i1 %30 to i64
  %32 = icmp ne i64 %31, 0
  %33 = zext i1 %32 to i64
  br label %logic

rhs5:                                             ; preds = %logic
  %34 = getelementptr i64, ptr %ctx.f7, i64 1
  %35 = load i64, ptr %34, align 4
  %36 = getelementptr i64, ptr %ctx.f, i64 4
  %37 = load i64, ptr %36, align 4
  %38 = icmp eq i64 %37, 2
  br i1 %38, label %memo.hit8, label %memo.miss9

logic6:                                           ; preds = %memo10, %logic
  %39 = phi i64 [ 0, %logic ], [ %48, %memo10 ]
  %40 = icmp ne i64 %39, 0
  br i1 %40, label %then, label %else

memo.hit8:                                        ; preds = %rhs5
  %41 = getelementptr i64, ptr %ctx.f1, i64 4
  %42 = load i64, ptr %41, align 4
  br label %memo10

memo.miss9:                                       ; preds = %rhs5
  %43 = call i64 @polc_rule_4(ptr %0)
  br label %memo10

memo10:                                           ; preds = %memo.miss9, %memo.hit8
  %44 = phi i64 [ %42, %memo.hit8 ], [ %43, %memo.miss9 ]
  %45 = icmp sge i64 %35, %44
  %46 = zext i1 %45 to i64
  %47 = icmp ne i64 %46, 0
  %48 = zext i1 %47 to i64
  br label %logic6

then:                                             ; preds = %logic6
  %49 = getelementptr i64, ptr %ctx.f7, i64 3
  %50 = load i64, ptr %49, align 4
  br label %endif

else:                                             ; preds = %logic6
  br label %endif

endif:                                            ; preds = %else, %then
  %51 = phi i64 [ %50, %then ], [ 0, %else ]
  store i64 %51, ptr %result, align 4
  %52 = getelementptr i64, ptr %ctx.f11, i64 6
  store i64 0, ptr %52, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #2

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
  %12 = getelementptr i64, ptr %ctx.f, i64 2
  %13 = load i64, ptr %12, align 4
  %14 = icmp eq i64 %13, 2
  br i1 %14, label %memo.hit3, label %memo.miss4

memo.hit3:                                        ; preds = %memo
  %15 = getelementptr i64, ptr %ctx.f1, i64 2
  %16 = load i64, ptr %15, align 4
  br label %memo5

memo.miss4:                                       ; preds = %memo
  %17 = call i64 @polc_rule_2(ptr %0)
  br label %memo5

memo5:                                            ; preds = %memo.miss4, %memo.hit3
  %18 = phi i64 [ %16, %memo.hit3 ], [ %17, %memo.miss4 ]
  %19 = getelementptr i64, ptr %ctx.f2, i64 1
  store i64 %18, ptr %19, align 4
  %20 = getelementptr i64, ptr %ctx.f, i64 3
  %21 = load i64, ptr %20, align 4
  %22 = icmp eq i64 %21, 2
  br i1 %22, label %memo.hit6, label %memo.miss7

memo.hit6:                                        ; preds = %memo5
  %23 = getelementptr i64, ptr %ctx.f1, i64 3
  %24 = load i64, ptr %23, align 4
  br label %memo8

memo.miss7:                                       ; preds = %memo5
  %25 = call i64 @polc_rule_3(ptr %0)
  br label %memo8

memo8:                                            ; preds = %memo.miss7, %memo.hit6
  %26 = phi i64 [ %24, %memo.hit6 ], [ %25, %memo.miss7 ]
  %27 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 %26, ptr %27, align 4
  %28 = getelementptr i64, ptr %ctx.f, i64 4
  %29 = load i64, ptr %28, align 4
  %30 = icmp eq i64 %29, 2
  br i1 %30, label %memo.hit9, label %memo.miss10

memo.hit9:                                        ; preds = %memo8
  %31 = getelementptr i64, ptr %ctx.f1, i64 4
  %32 = load i64, ptr %31, align 4
  br label %memo11

memo.miss10:                                      ; preds = %memo8
  %33 = call i64 @polc_rule_4(ptr %0)
  br label %memo11

memo11:                                           ; preds = %memo.miss10, %memo.hit9
  %34 = phi i64 [ %32, %memo.hit9 ], [ %33, %memo.miss10 ]
  %35 = getelementptr i64, ptr %ctx.f2, i64 3
  store i64 %34, ptr %35, align 4
  %36 = getelementptr i64, ptr %ctx.f, i64 5
  %37 = load i64, ptr %36, align 4
  %38 = icmp eq i64 %37, 2
  br i1 %38, label %memo.hit12, label %memo.miss13

memo.hit12:                                       ; preds = %memo11
  %39 = getelementptr i64, ptr %ctx.f1, i64 5
  %40 = load i64, ptr %39, align 4
  br label %memo14

memo.miss13:                                      ; preds = %memo11
  %41 = call i64 @polc_rule_5(ptr %0)
  br label %memo14

memo14:                                           ; preds = %memo.miss13, %memo.hit12
  %42 = phi i64 [ %40, %memo.hit12 ], [ %41, %memo.miss13 ]
  %43 = getelementptr i64, ptr %ctx.f2, i64 4
  store i64 %42, ptr %43, align 4
  %44 = getelementptr i64, ptr %ctx.f, i64 6
  %45 = load i64, ptr %44, align 4
  %46 = icmp eq i64 %45, 2
  br i1 %46, label %memo.hit15, label %memo.miss16

memo.hit15:                                       ; preds = %memo14
  %47 = getelementptr i64, ptr %ctx.f1, i64 6
  %48 = load i64, ptr %47, align 4
  br label %memo17

memo.miss16:                                      ; preds = %memo14
  %49 = call i64 @polc_rule_6(ptr %0)
  br label %memo17

memo17:                                           ; preds = %memo.miss16, %memo.hit15
  %50 = phi i64 [ %48, %memo.hit15 ], [ %49, %memo.miss16 ]
  %51 = getelementptr i64, ptr %ctx.f2, i64 5
  store i64 %50, ptr %51, align 4
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
  %result46 = alloca i64, align 8
  %result35 = alloca i64, align 8
  %result28 = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f26 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f23 = load i64, ptr %2, align 4
  %result19 = alloca i64, align 8
  %result14 = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f13 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %4, align 8
  %result = alloca i64, align 8
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
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %5 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %value, ptr %5, align 4
  br label %branch16

branch:                                           ; preds = %entry
  %6 = getelementptr i64, ptr %ctx.f, i64 0
  %7 = load i64, ptr %6, align 4
  %8 = getelementptr i64, ptr %ctx.f, i64 2
  %9 = load i64, ptr %8, align 4
  %10 = call i64 @polc_rule_0.fast(ptr %0, i64 %7, i64 %9)
  store i64 %10, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable

done15:                                           ; preds = %branch16
  %value18 = load i64, ptr %result14, align 4
  store i64 %value18, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  %11 = getelementptr i64, ptr %ctx.f13, i64 1
  store i64 %value18, ptr %11, align 4
  br label %branch21

branch16:                                         ; preds = %done
  %12 = getelementptr i64, ptr %ctx.f, i64 0
  %13 = load i64, ptr %12, align 4
  %14 = getelementptr i64, ptr %ctx.f, i64 2
  %15 = load i64, ptr %14, align 4
  %16 = call i64 @polrt_workdays_between(ptr %0, i64 %13, i64 %15, i64 15)
  store i64 %16, ptr %result14, align 4
  br label %done15

next17:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable

done20:                                           ; preds = %ok25
  %value27 = load i64, ptr %result19, align 4
  store i64 %value27, ptr %memo5, align 4
  store i64 1, ptr %memo.done6, align 4
  %17 = getelementptr i64, ptr %ctx.f13, i64 2
  store i64 %value27, ptr %17, align 4
  br label %branch30

branch21:                                         ; preds = %done15
  %18 = getelementptr i64, ptr %ctx.f, i64 1
  %19 = load i64, ptr %18, align 4
  %20 = getelementptr i64, ptr %ctx.f, i64 0
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %19, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  br i1 %ovf, label %fail, label %ok

next22:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 16)
  unreachable

fail:                                             ; preds = %branch21
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok:                                               ; preds = %branch21
  %23 = icmp slt i64 %ctx.f23, 9223372036854775807
  %24 = icmp sge i64 %ctx.f23, 20089
  %25 = and i1 %24, %23
  %26 = select i1 %25, i64 1, i64 -1
  %27 = icmp slt i64 %26, 0
  br i1 %27, label %fail24, label %ok25

fail24:                                           ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 19)
  unreachable

ok25:                                             ; preds = %ok
  %28 = getelementptr i64, ptr %ctx.f26, i64 %26
  %29 = load i64, ptr %28, align 4
  %30 = icmp sgt i64 %v, %29
  %31 = zext i1 %30 to i64
  store i64 %31, ptr %result19, align 4
  br label %done20

done29:                                           ; preds = %ok33
  %value34 = load i64, ptr %result28, align 4
  store i64 %value34, ptr %memo7, align 4
  store i64 1, ptr %memo.done8, align 4
  %32 = getelementptr i64, ptr %ctx.f13, i64 3
  store i64 %value34, ptr %32, align 4
  br label %branch37

branch30:                                         ; preds = %done20
  %33 = getelementptr i64, ptr %ctx.f, i64 0
  %34 = load i64, ptr %33, align 4
  %35 = icmp slt i64 %ctx.f23, 9223372036854775807
  %36 = icmp sge i64 %ctx.f23, 20089
  %37 = and i1 %36, %35
  %38 = select i1 %37, i64 2, i64 -1
  %39 = icmp slt i64 %38, 0
  br i1 %39, label %fail32, label %ok33

next31:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 20)
  unreachable

fail32:                                           ; preds = %branch30
  call void @polrt_fail(ptr %0, i64 6, i64 22)
  unreachable

ok33:                                             ; preds = %branch30
  %40 = getelementptr i64, ptr %ctx.f26, i64 %38
  %41 = load i64, ptr %40, align 4
  %42 = call i64 @polrt_add_months(ptr %0, i64 %34, i64 %41, i64 21)
  %43 = getelementptr i64, ptr %ctx.f, i64 4
  %44 = load i64, ptr %43, align 4
  %45 = call i64 @polrt_add_months(ptr %0, i64 %42, i64 %44, i64 21)
  %46 = call i64 @polrt_month_after(ptr %0, i64 %45, i64 24)
  store i64 %46, ptr %result28, align 4
  br label %done29

done36:                                           ; preds = %ok44
  %value45 = load i64, ptr %result35, align 4
  store i64 %value45, ptr %memo9, align 4
  store i64 1, ptr %memo.done10, align 4
  %47 = getelementptr i64, ptr %ctx.f13, i64 4
  store i64 %value45, ptr %47, align 4
  br label %branch48

branch37:                                         ; preds = %done29
  %48 = getelementptr i64, ptr %ctx.f, i64 0
  %49 = load i64, ptr %48, align 4
  %50 = icmp slt i64 %ctx.f23, 9223372036854775807
  %51 = icmp sge i64 %ctx.f23, 20089
  %52 = and i1 %51, %50
  %53 = select i1 %52, i64 3, i64 -1
  %54 = icmp slt i64 %53, 0
  br i1 %54, label %fail39, label %ok40

next38:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 25)
  unreachable

fail39:                                           ; preds = %branch37
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

ok40:                                             ; preds = %branch37
  %55 = getelementptr i64, ptr %ctx.f26, i64 %53
  %56 = load i64, ptr %55, align 4
  %57 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %56, i64 12)
  %v41 = extractvalue { i64, i1 } %57, 0
  %ovf42 = extractvalue { i64, i1 } %57, 1
  br i1 %ovf42, label %fail43, label %ok44

fail43:                                           ; preds = %ok40
  call void @polrt_fail(ptr %0, i64 1, i64 26)
  unreachable

ok44:                                             ; preds = %ok40
  %58 = call i64 @polrt_add_months(ptr %0, i64 %49, i64 %v41, i64 26)
  store i64 %58, ptr %result35, align 4
  br label %done36

done47:                                           ; preds = %endif
  %value52 = load i64, ptr %result46, align 4
  store i64 %value52, ptr %memo11, align 4
  store i64 1, ptr %memo.done12, align 4
  %59 = getelementptr i64, ptr %ctx.f13, i64 5
  store i64 %value52, ptr %59, align 4
  ret i64 0

branch48:                                         ; preds = %done36
  %60 = load i64, ptr %memo1, align 4
  %61 = icmp ne i64 %60, 0
  br i1 %61, label %rhs, label %logic

next49:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

rhs:                                              ; preds = %branch48
  %62 = load i64, ptr %memo5, align 4
  %63 = icmp eq i64 %62, 0
  %64 = zext i1 %63 to i64
  %65 = icmp ne i64 %64, 0
  %66 = zext i1 %65 to i64
  br label %logic

logic:                                            ; preds = %rhs, %branch48
  %67 = phi i64 [ 0, %branch48 ], [ %66, %rhs ]
  %68 = icmp ne i64 %67, 0
  br i1 %68, label %rhs50, label %logic51

rhs50:                                            ; preds = %logic
  %69 = getelementptr i64, ptr %ctx.f, i64 1
  %70 = load i64, ptr %69, align 4
  %71 = load i64, ptr %memo7, align 4
  %72 = icmp sge i64 %70, %71
  %73 = zext i1 %72 to i64
  %74 = icmp ne i64 %73, 0
  %75 = zext i1 %74 to i64
  br label %logic51

logic51:                                          ; preds = %rhs50, %logic
  %76 = phi i64 [ 0, %logic ], [ %75, %rhs50 ]
  %77 = icmp ne i64 %76, 0
  br i1 %77, label %then, label %else

then:                                             ; preds = %logic51
  %78 = getelementptr i64, ptr %ctx.f, i64 3
  %79 = load i64, ptr %78, align 4
  br label %endif

else:                                             ; preds = %logic51
  br label %endif

endif:                                            ; preds = %else, %then
  %80 = phi i64 [ %79, %then ], [ 0, %else ]
  store i64 %80, ptr %result46, align 4
  br label %done47
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
