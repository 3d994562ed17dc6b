; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [1323 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\88\86\E6\AE\B5\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/brackets.pol\22,\22sha256\22:\225647869ec48a7e169c992db2c8b1f28a6cbdd145e3f4281d672b63004e8ab2ef\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22remainder\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.d\22,\22key_field\22:\22d\22,\22fields\22:[{\22name\22:\22acc\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0}],\22params\22:[{\22name\22:\22segs\22,\22type\22:\22money\22,\22brackets\22:true,\22index\22:null,\22cites\22:\22DOMAIN.md\22,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:7}]}],\22rules\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22segs\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:6},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:18},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:36},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:49},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:68},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:86},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:62},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:48}]}\00"
@polc_params = constant [8 x i64] [i64 3, i64 500000, i64 600000, i64 5000000, i64 700000, i64 10000000, i64 800000, i64 0]
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
  %ctx.f67 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f62 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f2 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f = load i64, ptr %6, align 4
  %result = alloca i64, align 8
  %memo.done = alloca i64, align 8
  %memo = alloca i64, align 8
  store i64 0, ptr %memo.done, align 4
  br label %branch

done:                                             ; preds = %ok61
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %7 = getelementptr i64, ptr %ctx.f62, i64 0
  store i64 %value, ptr %7, align 4
  %8 = getelementptr i64, ptr %ctx.f2, i64 0
  %9 = load i64, ptr %8, align 4
  %10 = getelementptr i64, ptr %ctx.f3, i64 1
  %11 = load i64, ptr %10, align 4
  %12 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %9, i64 %11)
  %v63 = extractvalue { i64, i1 } %12, 0
  %ovf64 = extractvalue { i64, i1 } %12, 1
  br i1 %ovf64, label %fail65, label %ok66

branch:                                           ; preds = %entry
  %13 = icmp slt i64 %ctx.f, 9223372036854775807
  %14 = icmp sge i64 %ctx.f, 17167
  %15 = and i1 %14, %13
  %16 = select i1 %15, i64 0, i64 -1
  %17 = icmp slt i64 %16, 0
  br i1 %17, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

ok:                                               ; preds = %branch
  %18 = getelementptr i64, ptr %ctx.f1, i64 %16
  %19 = getelementptr i64, ptr %ctx.f2, i64 0
  %20 = load i64, ptr %19, align 4
  %21 = getelementptr i64, ptr %ctx.f3, i64 1
  %22 = load i64, ptr %21, align 4
  %23 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %20, i64 %22)
  %v = extractvalue { i64, i1 } %23, 0
  %ovf = extractvalue { i64, i1 } %23, 1
  br i1 %ovf, label %fail4, label %ok5

fail4:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 3)
  unreachable

ok5:                                              ; preds = %ok
  %24 = load i64, ptr %18, align 4
  %25 = getelementptr i64, ptr %18, i64 1
  %26 = load i64, ptr %25, align 4
  %27 = icmp slt i64 %26, %v
  %28 = icmp slt i64 0, %24
  %29 = and i1 %28, %27
  br i1 %29, label %prog.bracket, label %prog.end

prog.sum:                                         ; preds = %prog.ok27, %prog.ok19, %prog.ok
  %30 = phi i64 [ %v10, %prog.ok ], [ %v17, %prog.ok19 ], [ %v25, %prog.ok27 ]
  %31 = sdiv i64 %30, 1000000
  %32 = srem i64 %30, 1000000
  %33 = icmp sge i64 %32, 500000
  %34 = icmp sle i64 %32, -500000
  %35 = zext i1 %33 to i64
  %36 = add i64 %31, %35
  %37 = zext i1 %34 to i64
  %rounded = sub i64 %36, %37
  br label %prog.end

prog.wide:                                        ; preds = %prog.bracket20, %prog.bracket12, %prog.bracket
  %38 = call i64 @polrt_progressive(ptr %0, ptr %18, i64 %v, i64 2)
  br label %prog.end

prog.end:                                         ; preds = %prog.wide, %prog.sum, %ok5
  %39 = phi i64 [ %rounded, %prog.sum ], [ %38, %prog.wide ], [ 0, %ok5 ]
  %40 = icmp slt i64 %ctx.f, 9223372036854775807
  %41 = icmp sge i64 %ctx.f, 17167
  %42 = and i1 %41, %40
  %43 = select i1 %42, i64 0, i64 -1
  %44 = icmp slt i64 %43, 0
  br i1 %44, label %fail28, label %ok29

prog.bracket:                                     ; preds = %ok5
  %45 = getelementptr i64, ptr %18, i64 2
  %46 = load i64, ptr %45, align 4
  %47 = getelementptr i64, ptr %18, i64 3
  %48 = load i64, ptr %47, align 4
  %49 = icmp slt i64 %48, %v
  %50 = icmp slt i64 1, %24
  %51 = and i1 %50, %49
  %52 = select i1 %51, i64 %48, i64 %v
  %53 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %52, i64 %26)
  %v6 = extractvalue { i64, i1 } %53, 0
  %ovf7 = extractvalue { i64, i1 } %53, 1
  %54 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v6, i64 %46)
  %v8 = extractvalue { i64, i1 } %54, 0
  %ovf9 = extractvalue { i64, i1 } %54, 1
  %55 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 0, i64 %v8)
  %v10 = extractvalue { i64, i1 } %55, 0
  %ovf11 = extractvalue { i64, i1 } %55, 1
  %56 = or i1 %ovf7, %ovf9
  %57 = or i1 %56, %ovf11
  %58 = call i1 @llvm.expect.i1(i1 %57, i1 false)
  br i1 %58, label %prog.wide, label %prog.ok

prog.ok:                                          ; preds = %prog.bracket
  %59 = icmp slt i64 %48, %v
  %60 = icmp slt i64 1, %24
  %61 = and i1 %60, %59
  br i1 %61, label %prog.bracket12, label %prog.sum

prog.bracket12:                                   ; preds = %prog.ok
  %62 = getelementptr i64, ptr %18, i64 4
  %63 = load i64, ptr %62, align 4
  %64 = getelementptr i64, ptr %18, i64 5
  %65 = load i64, ptr %64, align 4
  %66 = icmp slt i64 %65, %v
  %67 = icmp slt i64 2, %24
  %68 = and i1 %67, %66
  %69 = select i1 %68, i64 %65, i64 %v
  %70 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %69, i64 %48)
  %v13 = extractvalue { i64, i1 } %70, 0
  %ovf14 = extractvalue { i64, i1 } %70, 1
  %71 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v13, i64 %63)
  %v15 = extractvalue { i64, i1 } %71, 0
  %ovf16 = extractvalue { i64, i1 } %71, 1
  %72 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v10, i64 %v15)
  %v17 = extractvalue { i64, i1 } %72, 0
  %ovf18 = extractvalue { i64, i1 } %72, 1
  %73 = or i1 %ovf14, %ovf16
  %74 = or i1 %73, %ovf18
  %75 = call i1 @llvm.expect.i1(i1 %74, i1 false)
  br i1 %75, label %prog.wide, label %prog.ok19

prog.ok19:                                        ; preds = %prog.bracket12
  %76 = icmp slt i64 %65, %v
  %77 = icmp slt i64 2, %24
  %78 = and i1 %77, %76
  br i1 %78, label %prog.bracket20, label %prog.sum

prog.bracket20:                                   ; preds = %prog.ok19
  %79 = getelementptr i64, ptr %18, i64 6
  %80 = load i64, ptr %79, align 4
  %81 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %65)
  %v21 = extractvalue { i64, i1 } %81, 0
  %ovf22 = extractvalue { i64, i1 } %81, 1
  %82 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v21, i64 %80)
  %v23 = extractvalue { i64, i1 } %82, 0
  %ovf24 = extractvalue { i64, i1 } %82, 1
  %83 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v17, i64 %v23)
  %v25 = extractvalue { i64, i1 } %83, 0
  %ovf26 = extractvalue { i64, i1 } %83, 1
  %84 = or i1 %ovf22, %ovf24
  %85 = or i1 %84, %ovf26
  %86 = call i1 @llvm.expect.i1(i1 %85, i1 false)
  br i1 %86, label %prog.wide, label %prog.ok27

prog.ok27:                                        ; preds = %prog.bracket20
  br label %prog.sum

fail28:                                           ; preds = %prog.end
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok29:                                             ; preds = %prog.end
  %87 = getelementptr i64, ptr %ctx.f1, i64 %43
  %88 = getelementptr i64, ptr %ctx.f2, i64 0
  %89 = load i64, ptr %88, align 4
  %90 = load i64, ptr %87, align 4
  %91 = getelementptr i64, ptr %87, i64 1
  %92 = load i64, ptr %91, align 4
  %93 = icmp slt i64 %92, %89
  %94 = icmp slt i64 0, %90
  %95 = and i1 %94, %93
  br i1 %95, label %prog.bracket33, label %prog.end32

prog.sum30:                                       ; preds = %prog.ok56, %prog.ok48, %prog.ok40
  %96 = phi i64 [ %v38, %prog.ok40 ], [ %v46, %prog.ok48 ], [ %v54, %prog.ok56 ]
  %97 = sdiv i64 %96, 1000000
  %98 = srem i64 %96, 1000000
  %99 = icmp sge i64 %98, 500000
  %100 = icmp sle i64 %98, -500000
  %101 = zext i1 %99 to i64
  %102 = add i64 %97, %101
  %103 = zext i1 %100 to i64
  %rounded57 = sub i64 %102, %103
  br label %prog.end32

prog.wide31:                                      ; preds = %prog.bracket49, %prog.bracket41, %prog.bracket33
  %104 = call i64 @polrt_progressive(ptr %0, ptr %87, i64 %89, i64 5)
  br label %prog.end32

prog.end32:                                       ; preds = %prog.wide31, %prog.sum30, %ok29
  %105 = phi i64 [ %rounded57, %prog.sum30 ], [ %104, %prog.wide31 ], [ 0, %ok29 ]
  %106 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %39, i64 %105)
  %v58 = extractvalue { i64, i1 } %106, 0
  %ovf59 = extractvalue { i64, i1 } %106, 1
  br i1 %ovf59, label %fail60, label %ok61

prog.bracket33:                                   ; preds = %ok29
  %107 = getelementptr i64, ptr %87, i64 2
  %108 = load i64, ptr %107, align 4
  %109 = getelementptr i64, ptr %87, i64 3
  %110 = load i64, ptr %109, align 4
  %111 = icmp slt i64 %110, %89
  %112 = icmp slt i64 1, %90
  %113 = and i1 %112, %111
  %114 = select i1 %113, i64 %110, i64 %89
  %115 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %114, i64 %92)
  %v34 = extractvalue { i64, i1 } %115, 0
  %ovf35 = extractvalue { i64, i1 } %115, 1
  %116 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v34, i64 %108)
  %v36 = extractvalue { i64, i1 } %116, 0
  %ovf37 = extractvalue { i64, i1 } %116, 1
  %117 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 0, i64 %v36)
  %v38 = extractvalue { i64, i1 } %117, 0
  %ovf39 = extractvalue { i64, i1 } %117, 1
  %118 = or i1 %ovf35, %ovf37
  %119 = or i1 %118, %ovf39
  %120 = call i1 @llvm.expect.i1(i1 %119, i1 false)
  br i1 %120, label %prog.wide31, label %prog.ok40

prog.ok40:                                        ; preds = %prog.bracket33
  %121 = icmp slt i64 %110, %89
  %122 = icmp slt i64 1, %90
  %123 = and i1 %122, %121
  br i1 %123, label %prog.bracket41, label %prog.sum30

prog.bracket41:                                   ; preds = %prog.ok40
  %124 = getelementptr i64, ptr %87, i64 4
  %125 = load i64, ptr %124, align 4
  %126 = getelementptr i64, ptr %87, i64 5
  %127 = load i64, ptr %126, align 4
  %128 = icmp slt i64 %127, %89
  %129 = icmp slt i64 2, %90
  %130 = and i1 %129, %128
  %131 = select i1 %130, i64 %127, i64 %89
  %132 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %131, i64 %110)
  %v42 = extractvalue { i64, i1 } %132, 0
  %ovf43 = extractvalue { i64, i1 } %132, 1
  %133 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v42, i64 %125)
  %v44 = extractvalue { i64, i1 } %133, 0
  %ovf45 = extractvalue { i64, i1 } %133, 1
  %134 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v38, i64 %v44)
  %v46 = extractvalue { i64, i1 } %134, 0
  %ovf47 = extractvalue { i64, i1 } %134, 1
  %135 = or i1 %ovf43, %ovf45
  %136 = or i1 %135, %ovf47
  %137 = call i1 @llvm.expect.i1(i1 %136, i1 false)
  br i1 %137, label %prog.wide31, label %prog.ok48

prog.ok48:                                        ; preds = %prog.bracket41
  %138 = icmp slt i64 %127, %89
  %139 = icmp slt i64 2, %90
  %140 = and i1 %139, %138
  br i1 %140, label %prog.bracket49, label %prog.sum30

prog.bracket49:                                   ; preds = %prog.ok48
  %141 = getelementptr i64, ptr %87, i64 6
  %142 = load i64, ptr %141, align 4
  %143 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %89, i64 %127)
  %v50 = extractvalue { i64, i1 } %143, 0
  %ovf51 = extractvalue { i64, i1 } %143, 1
  %144 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v50, i64 %142)
  %v52 = extractvalue { i64, i1 } %144, 0
  %ovf53 = extractvalue { i64, i1 } %144, 1
  %145 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v46, i64 %v52)
  %v54 = extractvalue { i64, i1 } %145, 0
  %ovf55 = extractvalue { i64, i1 } %145, 1
  %146 = or i1 %ovf51, %ovf53
  %147 = or i1 %146, %ovf55
  %148 = call i1 @llvm.expect.i1(i1 %147, i1 false)
  br i1 %148, label %prog.wide31, label %prog.ok56

prog.ok56:                                        ; preds = %prog.bracket49
  br label %prog.sum30

fail60:                                           ; preds = %prog.end32
  call void @polrt_fail(ptr %0, i64 1, i64 2)
  unreachable

ok61:                                             ; preds = %prog.end32
  store i64 %v58, ptr %result, align 4
  br label %done

fail65:                                           ; preds = %done
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok66:                                             ; preds = %done
  %149 = getelementptr i64, ptr %ctx.f67, i64 0
  store i64 %v63, ptr %149, align 4
  ret i64 0
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(none)
declare i1 @llvm.expect.i1(i1, i1) #3

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
