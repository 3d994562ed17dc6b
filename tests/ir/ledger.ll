; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr }

@polc_schema = constant [2595 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\8F\B0\E8\B4\A6\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/ledger.pol\22,\22sha256\22:\2271135c2efa4b79d50ea7f8f6971f28e36604b61a01020734f1fcebb8ed4fcb41\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22discharged\22,\22enums\22:[],\22claim\22:[{\22name\22:\22discharged\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.discharged\22,\22fields\22:[{\22name\22:\22own_paid\22,\22type\22:\22money\22},{\22name\22:\22visits\22,\22type\22:\22int\22},{\22name\22:\22largest\22,\22type\22:\22money\22}]},{\22name\22:\22life\22,\22key\22:\22lifetime\22,\22fields\22:[{\22name\22:\22paid\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22basic\22,\22type\22:\22money\22,\22rule\22:0},{\22name\22:\22own\22,\22type\22:\22money\22,\22rule\22:1},{\22name\22:\22backstop\22,\22type\22:\22money\22,\22rule\22:2}],\22params\22:[{\22name\22:\22cap\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]}],\22rules\22:[{\22name\22:\22basic\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22own\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22backstop\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22cap\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:6,\22col\22:7},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:6},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:21},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:35},{\22rule\22:\22own\22,\22line\22:14,\22col\22:6},{\22rule\22:\22own\22,\22line\22:14,\22col\22:23},{\22rule\22:\22own\22,\22line\22:14,\22col\22:37},{\22rule\22:\22own\22,\22line\22:14,\22col\22:44},{\22rule\22:\22own\22,\22line\22:14,\22col\22:48},{\22rule\22:\22own\22,\22line\22:14,\22col\22:54},{\22rule\22:\22own\22,\22line\22:14,\22col\22:19},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:6},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:24},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:38},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:46},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.own_paid\22,\22line\22:8,\22col\22:22},{\22rule\22:\22annual.own_paid\22,\22line\22:8,\22col\22:3},{\22rule\22:\22annual.visits\22,\22line\22:9,\22col\22:18},{\22rule\22:\22annual.visits\22,\22line\22:9,\22col\22:3},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:24},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:40},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:20},{\22rule\22:\22life.paid\22,\22line\22:12,\22col\22:41},{\22rule\22:\22life.paid\22,\22line\22:12,\22col\22:26}]}\00"
@polc_params = constant [3 x i64] [i64 300000, i64 800000, i64 0]

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

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f8 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f8, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f9 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f9, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  %16 = load i64, ptr %15, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f4 = load i64, ptr %17, align 4
  %18 = icmp slt i64 %ctx.f4, 9223372036854775807
  %19 = icmp sge i64 %ctx.f4, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 1, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f5 = load ptr, ptr %24, align 8
  %25 = getelementptr i64, ptr %ctx.f5, i64 1
  store i64 %22, ptr %25, align 4
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 %21
  %28 = load i64, ptr %27, align 4
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %16, i64 %28, i64 3)
  store i64 %29, ptr %result, align 4
  %30 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f7 = load ptr, ptr %30, align 8
  %31 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 0, ptr %31, align 4
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
  br label %branch

done:                                             ; preds = %ok13
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f15 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f15, i64 1
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f16 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f16, i64 1
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polc_rule_0(ptr %0)
  %18 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %16, i64 %17)
  %v = extractvalue { i64, i1 } %18, 0
  %ovf = extractvalue { i64, i1 } %18, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 6)
  unreachable

ok:                                               ; preds = %branch
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f4 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f4, 9223372036854775807
  %21 = icmp sge i64 %ctx.f4, 17167
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 0, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail5, label %ok6

fail5:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 9)
  unreachable

ok6:                                              ; preds = %ok
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f7 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f8, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f9 = load ptr, ptr %31, align 8
  %32 = getelementptr i64, ptr %ctx.f9, i64 0
  %33 = load i64, ptr %32, align 4
  %34 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %30, i64 %33)
  %v10 = extractvalue { i64, i1 } %34, 0
  %ovf11 = extractvalue { i64, i1 } %34, 1
  br i1 %ovf11, label %fail12, label %ok13

fail12:                                           ; preds = %ok6
  call void @polrt_fail(ptr %0, i64 1, i64 9)
  unreachable

ok13:                                             ; preds = %ok6
  %35 = icmp sgt i64 %v10, 0
  %36 = select i1 %35, i64 %v10, i64 0
  %37 = icmp slt i64 %v, %36
  %38 = select i1 %37, i64 %v, i64 %36
  store i64 %38, ptr %result, align 4
  %39 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f14 = load ptr, ptr %39, align 8
  %40 = getelementptr i64, ptr %ctx.f14, i64 1
  store i64 0, ptr %40, align 4
  br label %done
}

; Function Attrs: noinline
define i64 @polc_rule_2(ptr %0) #1 {
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

done:                                             ; preds = %ok7
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 2
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 2
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  %16 = load i64, ptr %15, align 4
  %17 = call i64 @polc_rule_0(ptr %0)
  %18 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %16, i64 %17)
  %v = extractvalue { i64, i1 } %18, 0
  %ovf = extractvalue { i64, i1 } %18, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok:                                               ; preds = %branch
  %19 = call i64 @polc_rule_1(ptr %0)
  %20 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %19)
  %v4 = extractvalue { i64, i1 } %20, 0
  %ovf5 = extractvalue { i64, i1 } %20, 1
  br i1 %ovf5, label %fail6, label %ok7

fail6:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok7:                                              ; preds = %ok
  store i64 %v4, ptr %result, align 4
  %21 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f8 = load ptr, ptr %21, align 8
  %22 = getelementptr i64, ptr %ctx.f8, i64 2
  store i64 0, ptr %22, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

define i64 @polc_settle(ptr %0) {
entry:
  %1 = call i64 @polc_rule_0(ptr %0)
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %1, ptr %3, align 4
  %4 = call i64 @polc_rule_1(ptr %0)
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %4, ptr %6, align 4
  %7 = call i64 @polc_rule_2(ptr %0)
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 %7, ptr %9, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f3 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f3, i64 0
  %12 = load i64, ptr %11, align 4
  %13 = call i64 @polc_rule_1(ptr %0)
  %14 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %12, i64 %13)
  %v = extractvalue { i64, i1 } %14, 0
  %ovf = extractvalue { i64, i1 } %14, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %entry
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok:                                               ; preds = %entry
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f4 = load ptr, ptr %15, align 8
  %16 = getelementptr i64, ptr %ctx.f4, i64 0
  store i64 %v, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f5 = load ptr, ptr %17, align 8
  %18 = getelementptr i64, ptr %ctx.f5, i64 1
  %19 = load i64, ptr %18, align 4
  %20 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %19, i64 1)
  %v6 = extractvalue { i64, i1 } %20, 0
  %ovf7 = extractvalue { i64, i1 } %20, 1
  br i1 %ovf7, label %fail8, label %ok9

fail8:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok9:                                              ; preds = %ok
  %21 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f10 = load ptr, ptr %21, align 8
  %22 = getelementptr i64, ptr %ctx.f10, i64 1
  store i64 %v6, ptr %22, align 4
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f11 = load ptr, ptr %23, align 8
  %24 = getelementptr i64, ptr %ctx.f11, i64 2
  %25 = load i64, ptr %24, align 4
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f12 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f12, i64 1
  %28 = load i64, ptr %27, align 4
  %29 = icmp sgt i64 %25, %28
  %30 = select i1 %29, i64 %25, i64 %28
  %31 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f13 = load ptr, ptr %31, align 8
  %32 = getelementptr i64, ptr %ctx.f13, i64 2
  store i64 %30, ptr %32, align 4
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f14 = load ptr, ptr %33, align 8
  %34 = getelementptr i64, ptr %ctx.f14, i64 3
  %35 = load i64, ptr %34, align 4
  %36 = call i64 @polc_rule_0(ptr %0)
  %37 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %35, i64 %36)
  %v15 = extractvalue { i64, i1 } %37, 0
  %ovf16 = extractvalue { i64, i1 } %37, 1
  br i1 %ovf16, label %fail17, label %ok18

fail17:                                           ; preds = %ok9
  call void @polrt_fail(ptr %0, i64 1, i64 24)
  unreachable

ok18:                                             ; preds = %ok9
  %38 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f19 = load ptr, ptr %38, align 8
  %39 = getelementptr i64, ptr %ctx.f19, i64 3
  store i64 %v15, ptr %39, align 4
  ret i64 0
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

define void @polc_keys(ptr %0, ptr %1) {
entry:
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  %4 = load i64, ptr %3, align 4
  %5 = call i64 @polrt_year_of(i64 %4)
  %6 = getelementptr i64, ptr %1, i64 0
  store i64 %5, ptr %6, align 4
  %7 = getelementptr i64, ptr %1, i64 1
  store i64 0, ptr %7, align 4
  ret void
}

define i64 @polc_check(ptr %0) {
entry:
  ret i64 -1
}

attributes #0 = { noreturn }
attributes #1 = { noinline }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
