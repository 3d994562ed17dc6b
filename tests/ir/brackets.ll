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
  %ctx.f72 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f67 = load ptr, ptr %2, align 8
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

done:                                             ; preds = %ok66
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %7 = getelementptr i64, ptr %ctx.f67, i64 0
  store i64 %value, ptr %7, align 4
  %8 = getelementptr i64, ptr %ctx.f2, i64 0
  %9 = load i64, ptr %8, align 4
  %10 = getelementptr i64, ptr %ctx.f3, i64 1
  %11 = load i64, ptr %10, align 4
  %12 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %9, i64 %11)
  %v68 = extractvalue { i64, i1 } %12, 0
  %ovf69 = extractvalue { i64, i1 } %12, 1
  br i1 %ovf69, label %fail70, label %ok71

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
  %31 = icmp slt i64 %30, 0
  %32 = select i1 %31, i64 -500000, i64 500000
  %33 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %30, i64 %32)
  %v28 = extractvalue { i64, i1 } %33, 0
  %ovf29 = extractvalue { i64, i1 } %33, 1
  %34 = call i1 @llvm.expect.i1(i1 %ovf29, i1 false)
  br i1 %34, label %prog.wide, label %round

prog.wide:                                        ; preds = %prog.sum, %prog.bracket20, %prog.bracket12, %prog.bracket
  %35 = call i64 @polrt_progressive(ptr %0, ptr %18, i64 %v, i64 2)
  br label %prog.end

prog.end:                                         ; preds = %prog.wide, %round, %ok5
  %36 = phi i64 [ %rounded, %round ], [ %35, %prog.wide ], [ 0, %ok5 ]
  %37 = icmp slt i64 %ctx.f, 9223372036854775807
  %38 = icmp sge i64 %ctx.f, 17167
  %39 = and i1 %38, %37
  %40 = select i1 %39, i64 0, i64 -1
  %41 = icmp slt i64 %40, 0
  br i1 %41, label %fail30, label %ok31

prog.bracket:                                     ; preds = %ok5
  %42 = getelementptr i64, ptr %18, i64 2
  %43 = load i64, ptr %42, align 4
  %44 = getelementptr i64, ptr %18, i64 3
  %45 = load i64, ptr %44, align 4
  %46 = icmp slt i64 %45, %v
  %47 = icmp slt i64 1, %24
  %48 = and i1 %47, %46
  %49 = select i1 %48, i64 %45, i64 %v
  %50 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %49, i64 %26)
  %v6 = extractvalue { i64, i1 } %50, 0
  %ovf7 = extractvalue { i64, i1 } %50, 1
  %51 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v6, i64 %43)
  %v8 = extractvalue { i64, i1 } %51, 0
  %ovf9 = extractvalue { i64, i1 } %51, 1
  %52 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 0, i64 %v8)
  %v10 = extractvalue { i64, i1 } %52, 0
  %ovf11 = extractvalue { i64, i1 } %52, 1
  %53 = or i1 %ovf7, %ovf9
  %54 = or i1 %53, %ovf11
  %55 = call i1 @llvm.expect.i1(i1 %54, i1 false)
  br i1 %55, label %prog.wide, label %prog.ok

prog.ok:                                          ; preds = %prog.bracket
  %56 = icmp slt i64 %45, %v
  %57 = icmp slt i64 1, %24
  %58 = and i1 %57, %56
  br i1 %58, label %prog.bracket12, label %prog.sum

prog.bracket12:                                   ; preds = %prog.ok
  %59 = getelementptr i64, ptr %18, i64 4
  %60 = load i64, ptr %59, align 4
  %61 = getelementptr i64, ptr %18, i64 5
  %62 = load i64, ptr %61, align 4
  %63 = icmp slt i64 %62, %v
  %64 = icmp slt i64 2, %24
  %65 = and i1 %64, %63
  %66 = select i1 %65, i64 %62, i64 %v
  %67 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %66, i64 %45)
  %v13 = extractvalue { i64, i1 } %67, 0
  %ovf14 = extractvalue { i64, i1 } %67, 1
  %68 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v13, i64 %60)
  %v15 = extractvalue { i64, i1 } %68, 0
  %ovf16 = extractvalue { i64, i1 } %68, 1
  %69 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v10, i64 %v15)
  %v17 = extractvalue { i64, i1 } %69, 0
  %ovf18 = extractvalue { i64, i1 } %69, 1
  %70 = or i1 %ovf14, %ovf16
  %71 = or i1 %70, %ovf18
  %72 = call i1 @llvm.expect.i1(i1 %71, i1 false)
  br i1 %72, label %prog.wide, label %prog.ok19

prog.ok19:                                        ; preds = %prog.bracket12
  %73 = icmp slt i64 %62, %v
  %74 = icmp slt i64 2, %24
  %75 = and i1 %74, %73
  br i1 %75, label %prog.bracket20, label %prog.sum

prog.bracket20:                                   ; preds = %prog.ok19
  %76 = getelementptr i64, ptr %18, i64 6
  %77 = load i64, ptr %76, align 4
  %78 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %62)
  %v21 = extractvalue { i64, i1 } %78, 0
  %ovf22 = extractvalue { i64, i1 } %78, 1
  %79 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v21, i64 %77)
  %v23 = extractvalue { i64, i1 } %79, 0
  %ovf24 = extractvalue { i64, i1 } %79, 1
  %80 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v17, i64 %v23)
  %v25 = extractvalue { i64, i1 } %80, 0
  %ovf26 = extractvalue { i64, i1 } %80, 1
  %81 = or i1 %ovf22, %ovf24
  %82 = or i1 %81, %ovf26
  %83 = call i1 @llvm.expect.i1(i1 %82, i1 false)
  br i1 %83, label %prog.wide, label %prog.ok27

prog.ok27:                                        ; preds = %prog.bracket20
  br label %prog.sum

round:                                            ; preds = %prog.sum
  %rounded = sdiv i64 %v28, 1000000
  br label %prog.end

fail30:                                           ; preds = %prog.end
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

ok31:                                             ; preds = %prog.end
  %84 = getelementptr i64, ptr %ctx.f1, i64 %40
  %85 = getelementptr i64, ptr %ctx.f2, i64 0
  %86 = load i64, ptr %85, align 4
  %87 = load i64, ptr %84, align 4
  %88 = getelementptr i64, ptr %84, i64 1
  %89 = load i64, ptr %88, align 4
  %90 = icmp slt i64 %89, %86
  %91 = icmp slt i64 0, %87
  %92 = and i1 %91, %90
  br i1 %92, label %prog.bracket35, label %prog.end34

prog.sum32:                                       ; preds = %prog.ok58, %prog.ok50, %prog.ok42
  %93 = phi i64 [ %v40, %prog.ok42 ], [ %v48, %prog.ok50 ], [ %v56, %prog.ok58 ]
  %94 = icmp slt i64 %93, 0
  %95 = select i1 %94, i64 -500000, i64 500000
  %96 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %93, i64 %95)
  %v59 = extractvalue { i64, i1 } %96, 0
  %ovf60 = extractvalue { i64, i1 } %96, 1
  %97 = call i1 @llvm.expect.i1(i1 %ovf60, i1 false)
  br i1 %97, label %prog.wide33, label %round61

prog.wide33:                                      ; preds = %prog.sum32, %prog.bracket51, %prog.bracket43, %prog.bracket35
  %98 = call i64 @polrt_progressive(ptr %0, ptr %84, i64 %86, i64 5)
  br label %prog.end34

prog.end34:                                       ; preds = %prog.wide33, %round61, %ok31
  %99 = phi i64 [ %rounded62, %round61 ], [ %98, %prog.wide33 ], [ 0, %ok31 ]
  %100 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %36, i64 %99)
  %v63 = extractvalue { i64, i1 } %100, 0
  %ovf64 = extractvalue { i64, i1 } %100, 1
  br i1 %ovf64, label %fail65, label %ok66

prog.bracket35:                                   ; preds = %ok31
  %101 = getelementptr i64, ptr %84, i64 2
  %102 = load i64, ptr %101, align 4
  %103 = getelementptr i64, ptr %84, i64 3
  %104 = load i64, ptr %103, align 4
  %105 = icmp slt i64 %104, %86
  %106 = icmp slt i64 1, %87
  %107 = and i1 %106, %105
  %108 = select i1 %107, i64 %104, i64 %86
  %109 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %108, i64 %89)
  %v36 = extractvalue { i64, i1 } %109, 0
  %ovf37 = extractvalue { i64, i1 } %109, 1
  %110 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v36, i64 %102)
  %v38 = extractvalue { i64, i1 } %110, 0
  %ovf39 = extractvalue { i64, i1 } %110, 1
  %111 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 0, i64 %v38)
  %v40 = extractvalue { i64, i1 } %111, 0
  %ovf41 = extractvalue { i64, i1 } %111, 1
  %112 = or i1 %ovf37, %ovf39
  %113 = or i1 %112, %ovf41
  %114 = call i1 @llvm.expect.i1(i1 %113, i1 false)
  br i1 %114, label %prog.wide33, label %prog.ok42

prog.ok42:                                        ; preds = %prog.bracket35
  %115 = icmp slt i64 %104, %86
  %116 = icmp slt i64 1, %87
  %117 = and i1 %116, %115
  br i1 %117, label %prog.bracket43, label %prog.sum32

prog.bracket43:                                   ; preds = %prog.ok42
  %118 = getelementptr i64, ptr %84, i64 4
  %119 = load i64, ptr %118, align 4
  %120 = getelementptr i64, ptr %84, i64 5
  %121 = load i64, ptr %120, align 4
  %122 = icmp slt i64 %121, %86
  %123 = icmp slt i64 2, %87
  %124 = and i1 %123, %122
  %125 = select i1 %124, i64 %121, i64 %86
  %126 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %125, i64 %104)
  %v44 = extractvalue { i64, i1 } %126, 0
  %ovf45 = extractvalue { i64, i1 } %126, 1
  %127 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v44, i64 %119)
  %v46 = extractvalue { i64, i1 } %127, 0
  %ovf47 = extractvalue { i64, i1 } %127, 1
  %128 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v40, i64 %v46)
  %v48 = extractvalue { i64, i1 } %128, 0
  %ovf49 = extractvalue { i64, i1 } %128, 1
  %129 = or i1 %ovf45, %ovf47
  %130 = or i1 %129, %ovf49
  %131 = call i1 @llvm.expect.i1(i1 %130, i1 false)
  br i1 %131, label %prog.wide33, label %prog.ok50

prog.ok50:                                        ; preds = %prog.bracket43
  %132 = icmp slt i64 %121, %86
  %133 = icmp slt i64 2, %87
  %134 = and i1 %133, %132
  br i1 %134, label %prog.bracket51, label %prog.sum32

prog.bracket51:                                   ; preds = %prog.ok50
  %135 = getelementptr i64, ptr %84, i64 6
  %136 = load i64, ptr %135, align 4
  %137 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %86, i64 %121)
  %v52 = extractvalue { i64, i1 } %137, 0
  %ovf53 = extractvalue { i64, i1 } %137, 1
  %138 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %v52, i64 %136)
  %v54 = extractvalue { i64, i1 } %138, 0
  %ovf55 = extractvalue { i64, i1 } %138, 1
  %139 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %v48, i64 %v54)
  %v56 = extractvalue { i64, i1 } %139, 0
  %ovf57 = extractvalue { i64, i1 } %139, 1
  %140 = or i1 %ovf53, %ovf55
  %141 = or i1 %140, %ovf57
  %142 = call i1 @llvm.expect.i1(i1 %141, i1 false)
  br i1 %142, label %prog.wide33, label %prog.ok58

prog.ok58:                                        ; preds = %prog.bracket51
  br label %prog.sum32

round61:                                          ; preds = %prog.sum32
  %rounded62 = sdiv i64 %v59, 1000000
  br label %prog.end34

fail65:                                           ; preds = %prog.end34
  call void @polrt_fail(ptr %0, i64 1, i64 2)
  unreachable

ok66:                                             ; preds = %prog.end34
  store i64 %v63, ptr %result, align 4
  br label %done

fail70:                                           ; preds = %done
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok71:                                             ; preds = %done
  %143 = getelementptr i64, ptr %ctx.f72, i64 0
  store i64 %v68, ptr %143, align 4
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
