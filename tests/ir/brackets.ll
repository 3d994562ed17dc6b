; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [1323 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\88\86\E6\AE\B5\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/brackets.pol\22,\22sha256\22:\225647869ec48a7e169c992db2c8b1f28a6cbdd145e3f4281d672b63004e8ab2ef\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22remainder\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.d\22,\22key_field\22:\22d\22,\22fields\22:[{\22name\22:\22acc\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0}],\22params\22:[{\22name\22:\22segs\22,\22type\22:\22money\22,\22brackets\22:true,\22index\22:null,\22cites\22:\22DOMAIN.md\22,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:7}]}],\22rules\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22segs\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:6},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:18},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:36},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:49},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:68},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:86},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:62},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:48}]}\00"
@polc_params = constant [8 x i64] [i64 3, i64 500000, i64 600000, i64 5000000, i64 700000, i64 10000000, i64 800000, i64 0]

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
  %ctx.f15 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f5 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f4 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f3 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f2 = load i64, ptr %6, align 4
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

done:                                             ; preds = %ok14
  %value = load i64, ptr %result, align 4
  %15 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %15, align 4
  %16 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %16, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %17 = icmp slt i64 %ctx.f2, 9223372036854775807
  %18 = icmp sge i64 %ctx.f2, 17167
  %19 = and i1 %18, %17
  %20 = select i1 %19, i64 0, i64 -1
  %21 = select i1 %19, i64 0, i64 -1
  %22 = icmp slt i64 %20, 0
  br i1 %22, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

ok:                                               ; preds = %branch
  %23 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 %21, ptr %23, align 4
  %24 = getelementptr i64, ptr %ctx.f4, i64 %20
  %25 = getelementptr i64, ptr %ctx.f5, i64 0
  %26 = load i64, ptr %25, align 4
  %27 = getelementptr i64, ptr %ctx.f6, i64 1
  %28 = load i64, ptr %27, align 4
  %29 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %26, i64 %28)
  %v = extractvalue { i64, i1 } %29, 0
  %ovf = extractvalue { i64, i1 } %29, 1
  br i1 %ovf, label %fail7, label %ok8

fail7:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 3)
  unreachable

ok8:                                              ; preds = %ok
  %30 = call i64 @polrt_progressive(ptr %0, ptr %24, i64 %v, i64 2)
  %31 = icmp slt i64 %ctx.f2, 9223372036854775807
  %32 = icmp sge i64 %ctx.f2, 17167
  %33 = and i1 %32, %31
  %34 = select i1 %33, i64 0, i64 -1
  %35 = select i1 %33, i64 0, i64 -1
  %36 = icmp slt i64 %34, 0
  br i1 %36, label %fail9, label %ok10

fail9:                                            ; preds = %ok8
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok10:                                             ; preds = %ok8
  %37 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 %35, ptr %37, align 4
  %38 = getelementptr i64, ptr %ctx.f4, i64 %34
  %39 = getelementptr i64, ptr %ctx.f5, i64 0
  %40 = load i64, ptr %39, align 4
  %41 = call i64 @polrt_progressive(ptr %0, ptr %38, i64 %40, i64 5)
  %42 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %30, i64 %41)
  %v11 = extractvalue { i64, i1 } %42, 0
  %ovf12 = extractvalue { i64, i1 } %42, 1
  br i1 %ovf12, label %fail13, label %ok14

fail13:                                           ; preds = %ok10
  call void @polrt_fail(ptr %0, i64 1, i64 2)
  unreachable

ok14:                                             ; preds = %ok10
  store i64 %v11, ptr %result, align 4
  %43 = getelementptr i64, ptr %ctx.f15, i64 0
  store i64 0, ptr %43, align 4
  br label %done
}

define internal i64 @polc_rule_0.fast(ptr %0) {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f13 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f12 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f2 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f = load i64, ptr %6, align 4
  %result = alloca i64, align 8
  br label %branch

done:                                             ; preds = %ok11
  %value = load i64, ptr %result, align 4
  %7 = getelementptr i64, ptr %ctx.f12, i64 0
  store i64 %value, ptr %7, align 4
  %8 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 2, ptr %8, align 4
  ret i64 %value

branch:                                           ; preds = %entry
  %9 = icmp slt i64 %ctx.f, 9223372036854775807
  %10 = icmp sge i64 %ctx.f, 17167
  %11 = and i1 %10, %9
  %12 = select i1 %11, i64 0, i64 -1
  %13 = icmp slt i64 %12, 0
  br i1 %13, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

ok:                                               ; preds = %branch
  %14 = getelementptr i64, ptr %ctx.f1, i64 %12
  %15 = getelementptr i64, ptr %ctx.f2, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = getelementptr i64, ptr %ctx.f3, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %16, i64 %18)
  %v = extractvalue { i64, i1 } %19, 0
  %ovf = extractvalue { i64, i1 } %19, 1
  br i1 %ovf, label %fail4, label %ok5

fail4:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 3)
  unreachable

ok5:                                              ; preds = %ok
  %20 = call i64 @polrt_progressive(ptr %0, ptr %14, i64 %v, i64 2)
  %21 = icmp slt i64 %ctx.f, 9223372036854775807
  %22 = icmp sge i64 %ctx.f, 17167
  %23 = and i1 %22, %21
  %24 = select i1 %23, i64 0, i64 -1
  %25 = icmp slt i64 %24, 0
  br i1 %25, label %fail6, label %ok7

fail6:                                            ; preds = %ok5
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok7:                                              ; preds = %ok5
  %26 = getelementptr i64, ptr %ctx.f1, i64 %24
  %27 = getelementptr i64, ptr %ctx.f2, i64 0
  %28 = load i64, ptr %27, align 4
  %29 = call i64 @polrt_progressive(ptr %0, ptr %26, i64 %28, i64 5)
  %30 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %20, i64 %29)
  %v8 = extractvalue { i64, i1 } %30, 0
  %ovf9 = extractvalue { i64, i1 } %30, 1
  br i1 %ovf9, label %fail10, label %ok11

fail10:                                           ; preds = %ok7
  call void @polrt_fail(ptr %0, i64 1, i64 2)
  unreachable

ok11:                                             ; preds = %ok7
  store i64 %v8, ptr %result, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: noinline optnone
define i64 @polc_settle(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f5 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f3 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %6, align 8
  %7 = getelementptr i64, ptr %ctx.f, i64 0
  %8 = load i64, ptr %7, align 4
  %9 = icmp eq i64 %8, 2
  br i1 %9, label %memo.hit, label %memo.miss

memo.hit:                                         ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f1, i64 0
  %11 = load i64, ptr %10, align 4
  br label %memo

memo.miss:                                        ; preds = %entry
  %12 = call i64 @polc_rule_0(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %13 = phi i64 [ %11, %memo.hit ], [ %12, %memo.miss ]
  %14 = getelementptr i64, ptr %ctx.f2, i64 0
  store i64 %13, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %16, i64 %18)
  %v = extractvalue { i64, i1 } %19, 0
  %ovf = extractvalue { i64, i1 } %19, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %memo
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok:                                               ; preds = %memo
  %20 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %v, ptr %20, align 4
  ret i64 0
}

define void @polc_keys(ptr %0, ptr %1) {
entry:
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  %4 = load i64, ptr %3, align 4
  %5 = call i64 @polrt_year_of(i64 %4)
  %6 = getelementptr i64, ptr %1, i64 0
  store i64 %5, ptr %6, align 4
  ret void
}

define i64 @polc_check(ptr %0) {
entry:
  ret i64 -1
}

define i64 @polc_settle_fast(ptr %0) {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f5 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f3 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f2 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %6, align 8
  %7 = getelementptr i64, ptr %ctx.f, i64 0
  %8 = load i64, ptr %7, align 4
  %9 = icmp eq i64 %8, 2
  br i1 %9, label %memo.hit, label %memo.miss

memo.hit:                                         ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f1, i64 0
  %11 = load i64, ptr %10, align 4
  br label %memo

memo.miss:                                        ; preds = %entry
  %12 = call i64 @polc_rule_0.fast(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %13 = phi i64 [ %11, %memo.hit ], [ %12, %memo.miss ]
  %14 = getelementptr i64, ptr %ctx.f2, i64 0
  store i64 %13, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %16, i64 %18)
  %v = extractvalue { i64, i1 } %19, 0
  %ovf = extractvalue { i64, i1 } %19, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %memo
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok:                                               ; preds = %memo
  %20 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %v, ptr %20, align 4
  ret i64 0
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
