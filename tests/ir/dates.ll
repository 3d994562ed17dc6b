; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr }

@polc_schema = constant [3980 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E6\97\A5\E6\9C\9F\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/dates.pol\22,\22sha256\22:\2215c463f294d18550621b0396c8def8aa907296732e5b68ffd01899e6a89d5dc2\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22discharged\22,\22enums\22:[],\22claim\22:[{\22name\22:\22admitted\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22discharged\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22wait\22,\22type\22:\22duration:months\22,\22label\22:null,\22default\22:0}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22on_time\22,\22type\22:\22bool\22,\22rule\22:1},{\22name\22:\22elapsed\22,\22type\22:\22int\22,\22rule\22:2},{\22name\22:\22long_stay\22,\22type\22:\22bool\22,\22rule\22:3},{\22name\22:\22starts\22,\22type\22:\22date\22,\22rule\22:4},{\22name\22:\22renew\22,\22type\22:\22date\22,\22rule\22:5},{\22name\22:\22pay\22,\22type\22:\22money\22,\22rule\22:6}],\22params\22:[{\22name\22:\22window\22,\22type\22:\22duration:workdays\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22grace\22,\22type\22:\22duration:days\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]},{\22name\22:\22waiting\22,\22type\22:\22duration:months\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:2,\22width\22:1}]},{\22name\22:\22tenure\22,\22type\22:\22duration:years\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:8,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:3,\22width\22:1}]}],\22rules\22:[{\22name\22:\22in_window\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:2,\22args\22:[{\22name\22:\22start\22,\22type\22:\22date\22},{\22name\22:\22t\22,\22type\22:\22date\22}],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22on_time\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22elapsed\22,\22type\22:\22int\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22long_stay\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22starts\22,\22type\22:\22date\22,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22renew\22,\22type\22:\22date\22,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22locs\22:[{\22rule\22:\22window\22,\22line\22:5,\22col\22:7},{\22rule\22:\22grace\22,\22line\22:6,\22col\22:7},{\22rule\22:\22waiting\22,\22line\22:7,\22col\22:7},{\22rule\22:\22tenure\22,\22line\22:8,\22col\22:7},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:6},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:46},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:51},{\22rule\22:\22in_window\22,\22line\22:10,\22col\22:59},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:6},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:22},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:32},{\22rule\22:\22on_time\22,\22line\22:11,\22col\22:48},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:6},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:54},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:38},{\22rule\22:\22elapsed\22,\22line\22:12,\22col\22:21},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:6},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:24},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:43},{\22rule\22:\22long_stay\22,\22line\22:13,\22col\22:60},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:6},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:24},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:41},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:51},{\22rule\22:\22starts\22,\22line\22:14,\22col\22:21},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:6},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:20},{\22rule\22:\22renew\22,\22line\22:15,\22col\22:37},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:52},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:72},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:34},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:38},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:84},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:101}]}\00"
@polc_params = constant [5 x i64] [i64 5, i64 15, i64 3, i64 1, i64 0]

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

define i64 @polc_rule_0(ptr %0, i64 %1, i64 %2) {
entry:
  %result = alloca i64, align 8
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  ret i64 %value

branch:                                           ; preds = %entry
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f = load i64, ptr %3, align 4
  %4 = icmp slt i64 %ctx.f, 9223372036854775807
  %5 = icmp sge i64 %ctx.f, 20089
  %6 = and i1 %5, %4
  %7 = select i1 %6, i64 0, i64 -1
  %8 = select i1 %6, i64 0, i64 -1
  %9 = icmp slt i64 %7, 0
  br i1 %9, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 7)
  unreachable

ok:                                               ; preds = %branch
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f1 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %8, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f2 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f2, i64 %7
  %14 = load i64, ptr %13, align 4
  %15 = call i64 @polrt_add_workdays(ptr %0, i64 %1, i64 %14, i64 6)
  %16 = icmp sle i64 %2, %15
  %17 = zext i1 %16 to i64
  store i64 %17, ptr %result, align 4
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
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 1
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 1
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 0
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = call i64 @polc_rule_0(ptr %0, i64 %18, i64 %21)
  store i64 %22, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 8)
  unreachable
}

define i64 @polc_rule_2(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 2
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 2
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 2
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 2
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 2
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 0
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = call i64 @polrt_workdays_between(ptr %0, i64 %18, i64 %21, i64 15)
  store i64 %22, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable
}

define i64 @polc_rule_3(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 3
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 3
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 3
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok8
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f11 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f11, i64 3
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f12 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f12, i64 3
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 3
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 0
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %18, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 16)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok:                                               ; preds = %branch
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f6 = load i64, ptr %23, align 4
  %24 = icmp slt i64 %ctx.f6, 9223372036854775807
  %25 = icmp sge i64 %ctx.f6, 20089
  %26 = and i1 %25, %24
  %27 = select i1 %26, i64 1, i64 -1
  %28 = select i1 %26, i64 0, i64 -1
  %29 = icmp slt i64 %27, 0
  br i1 %29, label %fail7, label %ok8

fail7:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 19)
  unreachable

ok8:                                              ; preds = %ok
  %30 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f9 = load ptr, ptr %30, align 8
  %31 = getelementptr i64, ptr %ctx.f9, i64 1
  store i64 %28, ptr %31, align 4
  %32 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f10 = load ptr, ptr %32, align 8
  %33 = getelementptr i64, ptr %ctx.f10, i64 %27
  %34 = load i64, ptr %33, align 4
  %35 = icmp sgt i64 %v, %34
  %36 = zext i1 %35 to i64
  store i64 %36, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_4(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 4
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 4
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 4
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 4
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 4
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 4
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 0
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 9223372036854775807
  %21 = icmp sge i64 %ctx.f5, 20089
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 2, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 20)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 22)
  unreachable

ok:                                               ; preds = %branch
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 2
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = call i64 @polrt_add_months(ptr %0, i64 %18, i64 %30, i64 21)
  %32 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f8 = load ptr, ptr %32, align 8
  %33 = getelementptr i64, ptr %ctx.f8, i64 4
  %34 = load i64, ptr %33, align 4
  %35 = call i64 @polrt_add_months(ptr %0, i64 %31, i64 %34, i64 21)
  %36 = call i64 @polrt_month_after(ptr %0, i64 %35, i64 24)
  store i64 %36, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_5(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 5
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 5
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 5
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok9
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f10 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f10, i64 5
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f11 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f11, i64 5
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 5
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 0
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 9223372036854775807
  %21 = icmp sge i64 %ctx.f5, 20089
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 3, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 25)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

ok:                                               ; preds = %branch
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 3
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %30, i64 12)
  %v = extractvalue { i64, i1 } %31, 0
  %ovf = extractvalue { i64, i1 } %31, 1
  br i1 %ovf, label %fail8, label %ok9

fail8:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 26)
  unreachable

ok9:                                              ; preds = %ok
  %32 = call i64 @polrt_add_months(ptr %0, i64 %18, i64 %v, i64 26)
  store i64 %32, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_6(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 6
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 6
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 6
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %endif
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f8 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f8, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f9 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f9, i64 6
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 6
  store i64 0, ptr %15, align 4
  %16 = call i64 @polc_rule_1(ptr %0)
  %17 = icmp ne i64 %16, 0
  br i1 %17, label %rhs, label %logic

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

rhs:                                              ; preds = %branch
  %18 = call i64 @polc_rule_3(ptr %0)
  %19 = icmp eq i64 %18, 0
  %20 = zext i1 %19 to i64
  %21 = icmp ne i64 %20, 0
  %22 = zext i1 %21 to i64
  br label %logic

logic:                                            ; preds = %rhs, %branch
  %23 = phi i64 [ 0, %branch ], [ %22, %rhs ]
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %rhs4, label %logic5

rhs4:                                             ; preds = %logic
  %25 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %25, align 8
  %26 = getelementptr i64, ptr %ctx.f6, i64 1
  %27 = load i64, ptr %26, align 4
  %28 = call i64 @polc_rule_4(ptr %0)
  %29 = icmp sge i64 %27, %28
  %30 = zext i1 %29 to i64
  %31 = icmp ne i64 %30, 0
  %32 = zext i1 %31 to i64
  br label %logic5

logic5:                                           ; preds = %rhs4, %logic
  %33 = phi i64 [ 0, %logic ], [ %32, %rhs4 ]
  %34 = icmp ne i64 %33, 0
  br i1 %34, label %then, label %else

then:                                             ; preds = %logic5
  %35 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %35, align 8
  %36 = getelementptr i64, ptr %ctx.f7, i64 3
  %37 = load i64, ptr %36, align 4
  br label %endif

else:                                             ; preds = %logic5
  br label %endif

endif:                                            ; preds = %else, %then
  %38 = phi i64 [ %37, %then ], [ 0, %else ]
  store i64 %38, ptr %result, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #1

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #1

define i64 @polc_settle(ptr %0) {
entry:
  %1 = call i64 @polc_rule_1(ptr %0)
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %1, ptr %3, align 4
  %4 = call i64 @polc_rule_2(ptr %0)
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %4, ptr %6, align 4
  %7 = call i64 @polc_rule_3(ptr %0)
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 %7, ptr %9, align 4
  %10 = call i64 @polc_rule_4(ptr %0)
  %11 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f3 = load ptr, ptr %11, align 8
  %12 = getelementptr i64, ptr %ctx.f3, i64 3
  store i64 %10, ptr %12, align 4
  %13 = call i64 @polc_rule_5(ptr %0)
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f4 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f4, i64 4
  store i64 %13, ptr %15, align 4
  %16 = call i64 @polc_rule_6(ptr %0)
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f5 = load ptr, ptr %17, align 8
  %18 = getelementptr i64, ptr %ctx.f5, i64 5
  store i64 %16, ptr %18, align 4
  ret i64 0
}

define void @polc_keys(ptr %0, ptr %1) {
entry:
  ret void
}

attributes #0 = { noreturn }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
