; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr }

@polc_schema = constant [4958 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E7\AE\97\E6\9C\AF\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/arith.pol\22,\22sha256\22:\22525789ff662b640322d7256b3e510f4b730983bec5b0d3fc1f0ccd1a742326f1\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22part\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22n\22,\22type\22:\22int\22,\22label\22:null,\22default\22:null},{\22name\22:\22r\22,\22type\22:\22rate\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22rule\22:0},{\22name\22:\22diff\22,\22type\22:\22money\22,\22rule\22:1},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22rule\22:2},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22rule\22:3},{\22name\22:\22times\22,\22type\22:\22money\22,\22rule\22:4},{\22name\22:\22each\22,\22type\22:\22money\22,\22rule\22:5},{\22name\22:\22share\22,\22type\22:\22rate\22,\22rule\22:6},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22rule\22:7},{\22name\22:\22neg\22,\22type\22:\22money\22,\22rule\22:8},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22rule\22:9},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22rule\22:10},{\22name\22:\22highest\22,\22type\22:\22money\22,\22rule\22:11}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22floor\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]},{\22name\22:\22cap\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:2,\22width\22:1}]}],\22rules\22:[{\22name\22:\22sum\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22diff\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:9,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:9}]},{\22name\22:\22scaled\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22scaled2\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22times\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22each\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22share\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22rr\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22neg\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]},{\22name\22:\22bounded\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:17,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:17}]},{\22name\22:\22lowest\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:18,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:18}]},{\22name\22:\22highest\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:19,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:19}]}],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:5,\22col\22:7},{\22rule\22:\22floor\22,\22line\22:6,\22col\22:7},{\22rule\22:\22cap\22,\22line\22:7,\22col\22:7},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:6},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:19},{\22rule\22:\22sum\22,\22line\22:8,\22col\22:33},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:6},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:20},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:24},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:38},{\22rule\22:\22diff\22,\22line\22:9,\22col\22:51},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:6},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:22},{\22rule\22:\22scaled\22,\22line\22:10,\22col\22:36},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:6},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:23},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:31},{\22rule\22:\22scaled2\22,\22line\22:11,\22col\22:45},{\22rule\22:\22times\22,\22line\22:12,\22col\22:6},{\22rule\22:\22times\22,\22line\22:12,\22col\22:21},{\22rule\22:\22times\22,\22line\22:12,\22col\22:35},{\22rule\22:\22each\22,\22line\22:13,\22col\22:6},{\22rule\22:\22each\22,\22line\22:13,\22col\22:20},{\22rule\22:\22each\22,\22line\22:13,\22col\22:34},{\22rule\22:\22share\22,\22line\22:14,\22col\22:6},{\22rule\22:\22share\22,\22line\22:14,\22col\22:20},{\22rule\22:\22share\22,\22line\22:14,\22col\22:33},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:6},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:17},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:25},{\22rule\22:\22rr\22,\22line\22:15,\22col\22:35},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:6},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:19},{\22rule\22:\22neg\22,\22line\22:16,\22col\22:20},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:6},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:49},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:42},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:29},{\22rule\22:\22bounded\22,\22line\22:17,\22col\22:23},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:6},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:26},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:39},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:22},{\22rule\22:\22lowest\22,\22line\22:18,\22col\22:51},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:6},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:27},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:40},{\22rule\22:\22highest\22,\22line\22:19,\22col\22:23}]}\00"
@polc_params = constant [4 x i64] [i64 800000, i64 10000, i64 300000, i64 0]

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

define i64 @polc_rule_0(ptr %0) {
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
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %18, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
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

done:                                             ; preds = %ok14
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
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %18, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 6)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok:                                               ; preds = %branch
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f6 = load i64, ptr %23, align 4
  %24 = icmp slt i64 %ctx.f6, 9223372036854775807
  %25 = icmp sge i64 %ctx.f6, 17167
  %26 = and i1 %25, %24
  %27 = select i1 %26, i64 1, i64 -1
  %28 = select i1 %26, i64 0, i64 -1
  %29 = icmp slt i64 %27, 0
  br i1 %29, label %fail7, label %ok8

fail7:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 10)
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
  %35 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %34)
  %v11 = extractvalue { i64, i1 } %35, 0
  %ovf12 = extractvalue { i64, i1 } %35, 1
  br i1 %ovf12, label %fail13, label %ok14

fail13:                                           ; preds = %ok8
  call void @polrt_fail(ptr %0, i64 1, i64 8)
  unreachable

ok14:                                             ; preds = %ok8
  %36 = icmp sgt i64 %v11, 0
  %37 = select i1 %36, i64 %v11, i64 0
  store i64 %37, ptr %result, align 4
  br label %done
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

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f8 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f8, i64 2
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f9 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f9, i64 2
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 2
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 9223372036854775807
  %21 = icmp sge i64 %ctx.f5, 17167
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 0, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 11)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

ok:                                               ; preds = %branch
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = call i64 @polrt_mul_rate(ptr %0, i64 %18, i64 %30, i64 12)
  store i64 %31, ptr %result, align 4
  br label %done
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

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 3
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 3
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
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 9223372036854775807
  %21 = icmp sge i64 %ctx.f5, 17167
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 0, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 14)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok:                                               ; preds = %branch
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = call i64 @polrt_mul_rate(ptr %0, i64 %18, i64 %30, i64 15)
  %32 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f8 = load ptr, ptr %32, align 8
  %33 = getelementptr i64, ptr %ctx.f8, i64 4
  %34 = load i64, ptr %33, align 4
  %35 = call i64 @polrt_mul_rate(ptr %0, i64 %31, i64 %34, i64 15)
  store i64 %35, ptr %result, align 4
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
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 4
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 4
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 4
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 3
  %21 = load i64, ptr %20, align 4
  %22 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %18, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
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

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 5
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 5
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 5
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 3
  %21 = load i64, ptr %20, align 4
  %22 = call i64 @polrt_div_round(ptr %0, i64 %18, i64 %21, i64 22)
  store i64 %22, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 21)
  unreachable
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

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 6
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 6
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 2
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 1
  %21 = load i64, ptr %20, align 4
  %22 = call i64 @polrt_ratio(ptr %0, i64 %18, i64 %21, i64 25)
  store i64 %22, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 24)
  unreachable
}

define i64 @polc_rule_7(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 7
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 7
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 7
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 7
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 7
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 7
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = icmp slt i64 %ctx.f4, 9223372036854775807
  %18 = icmp sge i64 %ctx.f4, 17167
  %19 = and i1 %18, %17
  %20 = select i1 %19, i64 0, i64 -1
  %21 = select i1 %19, i64 0, i64 -1
  %22 = icmp slt i64 %20, 0
  br i1 %22, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 28)
  unreachable

ok:                                               ; preds = %branch
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f5 = load ptr, ptr %23, align 8
  %24 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %21, ptr %24, align 4
  %25 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f6 = load ptr, ptr %25, align 8
  %26 = getelementptr i64, ptr %ctx.f6, i64 %20
  %27 = load i64, ptr %26, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 4
  %30 = load i64, ptr %29, align 4
  %31 = call i64 @polrt_rate_mul_rate(ptr %0, i64 %27, i64 %30, i64 28)
  %32 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f8 = load ptr, ptr %32, align 8
  %33 = getelementptr i64, ptr %ctx.f8, i64 3
  %34 = load i64, ptr %33, align 4
  %35 = call i64 @polrt_div_round(ptr %0, i64 %31, i64 %34, i64 28)
  store i64 %35, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_8(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 8
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 8
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 8
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f5 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f5, i64 8
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f6 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f6, i64 8
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 8
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 0, i64 %18)
  %v = extractvalue { i64, i1 } %19, 0
  %ovf = extractvalue { i64, i1 } %19, 1
  br i1 %ovf, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 1, i64 32)
  unreachable

ok:                                               ; preds = %branch
  store i64 %v, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_9(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 9
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 9
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 9
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok10
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f13 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f13, i64 9
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f14 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f14, i64 9
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 9
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %19, align 4
  %20 = icmp slt i64 %ctx.f5, 9223372036854775807
  %21 = icmp sge i64 %ctx.f5, 17167
  %22 = and i1 %21, %20
  %23 = select i1 %22, i64 1, i64 -1
  %24 = select i1 %22, i64 0, i64 -1
  %25 = icmp slt i64 %23, 0
  br i1 %25, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 34)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 36)
  unreachable

ok:                                               ; preds = %branch
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f6, i64 1
  store i64 %24, ptr %27, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f7, i64 %23
  %30 = load i64, ptr %29, align 4
  %31 = icmp sgt i64 %18, %30
  %32 = select i1 %31, i64 %18, i64 %30
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f8 = load i64, ptr %33, align 4
  %34 = icmp slt i64 %ctx.f8, 9223372036854775807
  %35 = icmp sge i64 %ctx.f8, 17167
  %36 = and i1 %35, %34
  %37 = select i1 %36, i64 2, i64 -1
  %38 = select i1 %36, i64 0, i64 -1
  %39 = icmp slt i64 %37, 0
  br i1 %39, label %fail9, label %ok10

fail9:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

ok10:                                             ; preds = %ok
  %40 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f11 = load ptr, ptr %40, align 8
  %41 = getelementptr i64, ptr %ctx.f11, i64 2
  store i64 %38, ptr %41, align 4
  %42 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f12 = load ptr, ptr %42, align 8
  %43 = getelementptr i64, ptr %ctx.f12, i64 %37
  %44 = load i64, ptr %43, align 4
  %45 = icmp slt i64 %32, %44
  %46 = select i1 %45, i64 %32, i64 %44
  store i64 %46, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_10(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 10
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 10
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 10
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %ok
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 10
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 10
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 10
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = icmp slt i64 %18, %21
  %23 = select i1 %22, i64 %18, i64 %21
  %24 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f6 = load i64, ptr %24, align 4
  %25 = icmp slt i64 %ctx.f6, 9223372036854775807
  %26 = icmp sge i64 %ctx.f6, 17167
  %27 = and i1 %26, %25
  %28 = select i1 %27, i64 2, i64 -1
  %29 = select i1 %27, i64 0, i64 -1
  %30 = icmp slt i64 %28, 0
  br i1 %30, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 39)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 43)
  unreachable

ok:                                               ; preds = %branch
  %31 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f7 = load ptr, ptr %31, align 8
  %32 = getelementptr i64, ptr %ctx.f7, i64 2
  store i64 %29, ptr %32, align 4
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %33, align 8
  %34 = getelementptr i64, ptr %ctx.f8, i64 %28
  %35 = load i64, ptr %34, align 4
  %36 = icmp slt i64 %23, %35
  %37 = select i1 %36, i64 %23, i64 %35
  store i64 %37, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_11(ptr %0) {
entry:
  %result = alloca i64, align 8
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %1, align 8
  %2 = getelementptr i64, ptr %ctx.f, i64 11
  %3 = load i64, ptr %2, align 4
  %4 = icmp eq i64 %3, 2
  br i1 %4, label %cached, label %compute

cached:                                           ; preds = %entry
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f1, i64 11
  %7 = load i64, ptr %6, align 4
  ret i64 %7

compute:                                          ; preds = %entry
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f2 = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f2, i64 11
  store i64 1, ptr %9, align 4
  br label %branch

done:                                             ; preds = %branch
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 11
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 11
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 11
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %19, align 8
  %20 = getelementptr i64, ptr %ctx.f5, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = icmp sgt i64 %18, %21
  %23 = select i1 %22, i64 %18, i64 %21
  store i64 %23, ptr %result, align 4
  br label %done

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 44)
  unreachable
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #1

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #1

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #1

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
  %10 = call i64 @polc_rule_3(ptr %0)
  %11 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f3 = load ptr, ptr %11, align 8
  %12 = getelementptr i64, ptr %ctx.f3, i64 3
  store i64 %10, ptr %12, align 4
  %13 = call i64 @polc_rule_4(ptr %0)
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f4 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f4, i64 4
  store i64 %13, ptr %15, align 4
  %16 = call i64 @polc_rule_5(ptr %0)
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f5 = load ptr, ptr %17, align 8
  %18 = getelementptr i64, ptr %ctx.f5, i64 5
  store i64 %16, ptr %18, align 4
  %19 = call i64 @polc_rule_6(ptr %0)
  %20 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f6 = load ptr, ptr %20, align 8
  %21 = getelementptr i64, ptr %ctx.f6, i64 6
  store i64 %19, ptr %21, align 4
  %22 = call i64 @polc_rule_7(ptr %0)
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f7 = load ptr, ptr %23, align 8
  %24 = getelementptr i64, ptr %ctx.f7, i64 7
  store i64 %22, ptr %24, align 4
  %25 = call i64 @polc_rule_8(ptr %0)
  %26 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f8 = load ptr, ptr %26, align 8
  %27 = getelementptr i64, ptr %ctx.f8, i64 8
  store i64 %25, ptr %27, align 4
  %28 = call i64 @polc_rule_9(ptr %0)
  %29 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f9 = load ptr, ptr %29, align 8
  %30 = getelementptr i64, ptr %ctx.f9, i64 9
  store i64 %28, ptr %30, align 4
  %31 = call i64 @polc_rule_10(ptr %0)
  %32 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f10 = load ptr, ptr %32, align 8
  %33 = getelementptr i64, ptr %ctx.f10, i64 10
  store i64 %31, ptr %33, align 4
  %34 = call i64 @polc_rule_11(ptr %0)
  %35 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f11 = load ptr, ptr %35, align 8
  %36 = getelementptr i64, ptr %ctx.f11, i64 11
  store i64 %34, ptr %36, align 4
  ret i64 0
}

define void @polc_keys(ptr %0, ptr %1) {
entry:
  ret void
}

attributes #0 = { noreturn }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
