; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr }

@polc_schema = constant [1269 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\88\86\E6\AE\B5\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/brackets.pol\22,\22sha256\22:\225647869ec48a7e169c992db2c8b1f28a6cbdd145e3f4281d672b63004e8ab2ef\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22remainder\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.d\22,\22fields\22:[{\22name\22:\22acc\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22rule\22:0}],\22params\22:[{\22name\22:\22segs\22,\22type\22:\22money\22,\22brackets\22:true,\22index\22:null,\22cites\22:\22DOMAIN.md\22,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:7}]}],\22rules\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22segs\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:6},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:18},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:36},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:49},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:68},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:86},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:62},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:48}]}\00"
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

done:                                             ; preds = %ok19
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f21 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f21, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f22 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f22, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = icmp slt i64 %ctx.f3, 9223372036854775807
  %16 = icmp sge i64 %ctx.f3, 17167
  %17 = and i1 %16, %15
  %18 = select i1 %17, i64 0, i64 -1
  %19 = select i1 %17, i64 0, i64 -1
  %20 = icmp slt i64 %18, 0
  br i1 %20, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

ok:                                               ; preds = %branch
  %21 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %21, align 8
  %22 = getelementptr i64, ptr %ctx.f4, i64 0
  store i64 %19, ptr %22, align 4
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %23, align 8
  %24 = getelementptr i64, ptr %ctx.f5, i64 %18
  %25 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f6 = load ptr, ptr %25, align 8
  %26 = getelementptr i64, ptr %ctx.f6, i64 0
  %27 = load i64, ptr %26, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 1
  %30 = load i64, ptr %29, align 4
  %31 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %27, i64 %30)
  %v = extractvalue { i64, i1 } %31, 0
  %ovf = extractvalue { i64, i1 } %31, 1
  br i1 %ovf, label %fail8, label %ok9

fail8:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 3)
  unreachable

ok9:                                              ; preds = %ok
  %32 = call i64 @polrt_progressive(ptr %0, ptr %24, i64 %v, i64 2)
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f10 = load i64, ptr %33, align 4
  %34 = icmp slt i64 %ctx.f10, 9223372036854775807
  %35 = icmp sge i64 %ctx.f10, 17167
  %36 = and i1 %35, %34
  %37 = select i1 %36, i64 0, i64 -1
  %38 = select i1 %36, i64 0, i64 -1
  %39 = icmp slt i64 %37, 0
  br i1 %39, label %fail11, label %ok12

fail11:                                           ; preds = %ok9
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok12:                                             ; preds = %ok9
  %40 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f13 = load ptr, ptr %40, align 8
  %41 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %38, ptr %41, align 4
  %42 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f14 = load ptr, ptr %42, align 8
  %43 = getelementptr i64, ptr %ctx.f14, i64 %37
  %44 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f15 = load ptr, ptr %44, align 8
  %45 = getelementptr i64, ptr %ctx.f15, i64 0
  %46 = load i64, ptr %45, align 4
  %47 = call i64 @polrt_progressive(ptr %0, ptr %43, i64 %46, i64 5)
  %48 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %32, i64 %47)
  %v16 = extractvalue { i64, i1 } %48, 0
  %ovf17 = extractvalue { i64, i1 } %48, 1
  br i1 %ovf17, label %fail18, label %ok19

fail18:                                           ; preds = %ok12
  call void @polrt_fail(ptr %0, i64 1, i64 2)
  unreachable

ok19:                                             ; preds = %ok12
  store i64 %v16, ptr %result, align 4
  %49 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f20 = load ptr, ptr %49, align 8
  %50 = getelementptr i64, ptr %ctx.f20, i64 0
  store i64 0, ptr %50, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

define i64 @polc_settle(ptr %0) {
entry:
  %1 = call i64 @polc_rule_0(ptr %0)
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f = load ptr, ptr %2, align 8
  %3 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 %1, ptr %3, align 4
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f1, i64 0
  %6 = load i64, ptr %5, align 4
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f2, i64 1
  %9 = load i64, ptr %8, align 4
  %10 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %6, i64 %9)
  %v = extractvalue { i64, i1 } %10, 0
  %ovf = extractvalue { i64, i1 } %10, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %entry
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok:                                               ; preds = %entry
  %11 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f3 = load ptr, ptr %11, align 8
  %12 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 %v, ptr %12, align 4
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

attributes #0 = { noreturn }
attributes #1 = { noinline }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
