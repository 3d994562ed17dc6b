; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr }

@polc_schema = constant [4348 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\B1\A5\E5\8E\86\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/history.pol\22,\22sha256\22:\2217299229794a73dbc885e9a09f5496ed2ab37cd60a0705c7f828c46a2405e830\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Identity\22,\22members\22:[{\22name\22:\22poor\22,\22label\22:\22\E5\BB\BA\E6\A1\A3\E7\AB\8B\E5\8D\A1\E8\B4\AB\E5\9B\B0\E4\BA\BA\E5\8F\A3\22},{\22name\22:\22tekun\22,\22label\22:\22\E7\89\B9\E5\9B\B0\E4\BA\BA\E5\91\98\22},{\22name\22:\22dibao\22,\22label\22:\22\E4\BD\8E\E4\BF\9D\E5\AF\B9\E8\B1\A1\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22selfpay\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null}],\22person\22:[{\22name\22:\22chronic\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22history\22:[{\22name\22:\22identity\22,\22type\22:\22enum:Identity\22,\22label\22:null,\22default\22:null},{\22name\22:\22from\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22to\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null},{\22name\22:\22amount\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22rule\22:0},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22rule\22:1},{\22name\22:\22total\22,\22type\22:\22money\22,\22rule\22:2},{\22name\22:\22spans\22,\22type\22:\22int\22,\22rule\22:3},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22rule\22:4},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22rule\22:5},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22rule\22:6},{\22name\22:\22pay\22,\22type\22:\22money\22,\22rule\22:7}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:\22Identity\22,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:3}]}],\22rules\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22total\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22spans\22,\22type\22:\22int\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:7,\22col\22:7},{\22rule\22:\22best\22,\22line\22:8,\22col\22:6},{\22rule\22:\22best\22,\22line\22:8,\22col\22:19},{\22rule\22:\22best\22,\22line\22:8,\22col\22:23},{\22rule\22:\22best\22,\22line\22:8,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:73},{\22rule\22:\22best\22,\22line\22:9,\22col\22:84},{\22rule\22:\22best\22,\22line\22:9,\22col\22:52},{\22rule\22:\22best\22,\22line\22:9,\22col\22:56},{\22rule\22:\22best\22,\22line\22:9,\22col\22:64},{\22rule\22:\22best\22,\22line\22:9,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:39},{\22rule\22:\22best\22,\22line\22:9,\22col\22:98},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:6},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:20},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:24},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:30},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:70},{\22rule\22:\22total\22,\22line\22:11,\22col\22:6},{\22rule\22:\22total\22,\22line\22:11,\22col\22:21},{\22rule\22:\22total\22,\22line\22:11,\22col\22:25},{\22rule\22:\22total\22,\22line\22:11,\22col\22:60},{\22rule\22:\22total\22,\22line\22:11,\22col\22:74},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:6},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:19},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:47},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:55},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:6},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:24},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:50},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:63},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:6},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:25},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:51},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:59},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:6},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:48},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:63},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:23},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:31},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:40},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:55},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:71},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:81},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:97}]}\00"
@polc_params = constant [4 x i64] [i64 500000, i64 800000, i64 750000, i64 0]

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
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.end
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f15 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f15, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f16 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f16, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  store i64 0, ptr %15, align 4
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = getelementptr i64, ptr %21, i64 1
  %23 = load i64, ptr %22, align 4
  %24 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %24, align 8
  %25 = getelementptr i64, ptr %ctx.f6, i64 0
  %26 = load i64, ptr %25, align 4
  %27 = icmp sle i64 %23, %26
  %28 = zext i1 %27 to i64
  %29 = icmp ne i64 %28, 0
  br i1 %29, label %rhs, label %logic

agg.next:                                         ; preds = %ok12, %logic
  %30 = load i64, ptr %i, align 4
  %31 = add i64 %30, 1
  store i64 %31, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %32 = load i64, ptr %found, align 4
  %33 = load i64, ptr %acc, align 4
  %34 = icmp ne i64 %32, 0
  br i1 %34, label %agg.end, label %agg.default

rhs:                                              ; preds = %agg.body
  %35 = getelementptr i64, ptr %21, i64 2
  %36 = load i64, ptr %35, align 4
  %37 = icmp ne i64 %36, -9223372036854775808
  %38 = zext i1 %37 to i64
  %39 = icmp eq i64 %38, 0
  %40 = zext i1 %39 to i64
  %41 = icmp ne i64 %40, 0
  br i1 %41, label %logic8, label %rhs7

logic:                                            ; preds = %logic8, %agg.body
  %42 = phi i64 [ 0, %agg.body ], [ %52, %logic8 ]
  %43 = icmp ne i64 %42, 0
  br i1 %43, label %agg.yes, label %agg.next

rhs7:                                             ; preds = %rhs
  %44 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f9 = load ptr, ptr %44, align 8
  %45 = getelementptr i64, ptr %ctx.f9, i64 0
  %46 = load i64, ptr %45, align 4
  %47 = getelementptr i64, ptr %21, i64 2
  %48 = load i64, ptr %47, align 4
  %49 = icmp eq i64 %48, -9223372036854775808
  br i1 %49, label %fail, label %ok

logic8:                                           ; preds = %ok, %rhs
  %50 = phi i64 [ 1, %rhs ], [ %56, %ok ]
  %51 = icmp ne i64 %50, 0
  %52 = zext i1 %51 to i64
  br label %logic

fail:                                             ; preds = %rhs7
  call void @polrt_fail(ptr %0, i64 4, i64 6)
  unreachable

ok:                                               ; preds = %rhs7
  %53 = icmp sle i64 %46, %48
  %54 = zext i1 %53 to i64
  %55 = icmp ne i64 %54, 0
  %56 = zext i1 %55 to i64
  br label %logic8

agg.yes:                                          ; preds = %logic
  %57 = load i64, ptr %acc, align 4
  %58 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f10 = load i64, ptr %58, align 4
  %59 = icmp slt i64 %ctx.f10, 9223372036854775807
  %60 = icmp sge i64 %ctx.f10, 20089
  %61 = and i1 %60, %59
  %62 = select i1 %61, i64 0, i64 -1
  %63 = select i1 %61, i64 0, i64 -1
  %64 = icmp slt i64 %62, 0
  br i1 %64, label %fail11, label %ok12

fail11:                                           ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

ok12:                                             ; preds = %agg.yes
  %65 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f13 = load ptr, ptr %65, align 8
  %66 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %63, ptr %66, align 4
  %67 = getelementptr i64, ptr %21, i64 0
  %68 = load i64, ptr %67, align 4
  %69 = add i64 %62, %68
  %70 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f14 = load ptr, ptr %70, align 8
  %71 = getelementptr i64, ptr %ctx.f14, i64 %69
  %72 = load i64, ptr %71, align 4
  %73 = load i64, ptr %acc, align 4
  %74 = load i64, ptr %found, align 4
  %75 = icmp sgt i64 %72, %73
  %76 = icmp eq i64 %74, 0
  %77 = or i1 %76, %75
  %78 = select i1 %77, i64 %72, i64 %73
  store i64 %78, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %79 = phi i64 [ %33, %agg.done ], [ 0, %agg.default ]
  store i64 %79, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_1(ptr %0) {
entry:
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.end
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f9 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f9, i64 1
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f10 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f10, i64 1
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 1
  store i64 0, ptr %15, align 4
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = load i64, ptr %acc, align 4
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f6 = load i64, ptr %23, align 4
  %24 = icmp slt i64 %ctx.f6, 9223372036854775807
  %25 = icmp sge i64 %ctx.f6, 20089
  %26 = and i1 %25, %24
  %27 = select i1 %26, i64 0, i64 -1
  %28 = select i1 %26, i64 0, i64 -1
  %29 = icmp slt i64 %27, 0
  br i1 %29, label %fail, label %ok

agg.next:                                         ; preds = %ok
  %30 = load i64, ptr %i, align 4
  %31 = add i64 %30, 1
  store i64 %31, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %32 = load i64, ptr %found, align 4
  %33 = load i64, ptr %acc, align 4
  %34 = icmp ne i64 %32, 0
  br i1 %34, label %agg.end, label %agg.default

fail:                                             ; preds = %agg.body
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok:                                               ; preds = %agg.body
  %35 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f7 = load ptr, ptr %35, align 8
  %36 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 %28, ptr %36, align 4
  %37 = getelementptr i64, ptr %21, i64 0
  %38 = load i64, ptr %37, align 4
  %39 = add i64 %27, %38
  %40 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %40, align 8
  %41 = getelementptr i64, ptr %ctx.f8, i64 %39
  %42 = load i64, ptr %41, align 4
  %43 = load i64, ptr %acc, align 4
  %44 = load i64, ptr %found, align 4
  %45 = icmp slt i64 %42, %43
  %46 = icmp eq i64 %44, 0
  %47 = or i1 %46, %45
  %48 = select i1 %47, i64 %42, i64 %43
  store i64 %48, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %49 = phi i64 [ %33, %agg.done ], [ 0, %agg.default ]
  store i64 %49, ptr %result, align 4
  br label %done
}

define i64 @polc_rule_2(ptr %0) {
entry:
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.done
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
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = getelementptr i64, ptr %21, i64 0
  %23 = load i64, ptr %22, align 4
  %24 = icmp ne i64 %23, 0
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %ok, %agg.body
  %27 = load i64, ptr %i, align 4
  %28 = add i64 %27, 1
  store i64 %28, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %29 = load i64, ptr %acc, align 4
  store i64 %29, ptr %result, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  %31 = getelementptr i64, ptr %21, i64 3
  %32 = load i64, ptr %31, align 4
  %33 = load i64, ptr %acc, align 4
  %34 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %33, i64 %32)
  %v = extractvalue { i64, i1 } %34, 0
  %ovf = extractvalue { i64, i1 } %34, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok:                                               ; preds = %agg.yes
  store i64 %v, ptr %acc, align 4
  br label %agg.next
}

define i64 @polc_rule_3(ptr %0) {
entry:
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.done
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f6 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f6, i64 3
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f7 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f7, i64 3
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 3
  store i64 0, ptr %15, align 4
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 23)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = getelementptr i64, ptr %21, i64 2
  %23 = load i64, ptr %22, align 4
  %24 = icmp ne i64 %23, -9223372036854775808
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.yes, %agg.body
  %27 = load i64, ptr %i, align 4
  %28 = add i64 %27, 1
  store i64 %28, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %29 = load i64, ptr %acc, align 4
  store i64 %29, ptr %result, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  %31 = add i64 %30, 1
  store i64 %31, ptr %acc, align 4
  br label %agg.next
}

define i64 @polc_rule_4(ptr %0) {
entry:
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.done
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
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = getelementptr i64, ptr %21, i64 0
  %23 = load i64, ptr %22, align 4
  %24 = icmp eq i64 %23, 1
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.body
  %27 = load i64, ptr %i, align 4
  %28 = add i64 %27, 1
  store i64 %28, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.yes, %agg.head
  %29 = load i64, ptr %acc, align 4
  store i64 %29, ptr %result, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  store i64 1, ptr %acc, align 4
  br label %agg.done
}

define i64 @polc_rule_5(ptr %0) {
entry:
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
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

done:                                             ; preds = %agg.done
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
  store i64 0, ptr %i, align 4
  store i64 1, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f4 = load i64, ptr %16, align 4
  %17 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f5 = load ptr, ptr %17, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f4
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f5, i64 %20
  %22 = getelementptr i64, ptr %21, i64 2
  %23 = load i64, ptr %22, align 4
  %24 = icmp ne i64 %23, -9223372036854775808
  %25 = zext i1 %24 to i64
  %26 = icmp ne i64 %25, 0
  br i1 %26, label %agg.next, label %agg.no

agg.next:                                         ; preds = %agg.body
  %27 = load i64, ptr %i, align 4
  %28 = add i64 %27, 1
  store i64 %28, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.no, %agg.head
  %29 = load i64, ptr %acc, align 4
  store i64 %29, ptr %result, align 4
  br label %done

agg.no:                                           ; preds = %agg.body
  store i64 0, ptr %acc, align 4
  br label %agg.done
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

done:                                             ; preds = %logic
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f7 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f7, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f8 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f8, i64 6
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
  %19 = icmp ne i64 %18, -9223372036854775808
  %20 = zext i1 %19 to i64
  %21 = icmp ne i64 %20, 0
  br i1 %21, label %rhs, label %logic

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

rhs:                                              ; preds = %branch
  %22 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %22, align 8
  %23 = getelementptr i64, ptr %ctx.f5, i64 2
  %24 = load i64, ptr %23, align 4
  %25 = icmp eq i64 %24, -9223372036854775808
  br i1 %25, label %fail, label %ok

logic:                                            ; preds = %ok, %branch
  %26 = phi i64 [ 0, %branch ], [ %33, %ok ]
  store i64 %26, ptr %result, align 4
  br label %done

fail:                                             ; preds = %rhs
  call void @polrt_fail(ptr %0, i64 4, i64 36)
  unreachable

ok:                                               ; preds = %rhs
  %27 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %27, align 8
  %28 = getelementptr i64, ptr %ctx.f6, i64 0
  %29 = load i64, ptr %28, align 4
  %30 = icmp sge i64 %24, %29
  %31 = zext i1 %30 to i64
  %32 = icmp ne i64 %31, 0
  %33 = zext i1 %32 to i64
  br label %logic
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

done:                                             ; preds = %endif
  %value = load i64, ptr %result, align 4
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f7 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f7, i64 7
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f8 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f8, i64 7
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 7
  store i64 0, ptr %15, align 4
  %16 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 1
  %ctx.f4 = load ptr, ptr %16, align 8
  %17 = getelementptr i64, ptr %ctx.f4, i64 0
  %18 = load i64, ptr %17, align 4
  %19 = icmp ne i64 %18, 0
  br i1 %19, label %logic, label %rhs

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 40)
  unreachable

rhs:                                              ; preds = %branch
  %20 = call i64 @polc_rule_4(ptr %0)
  %21 = icmp ne i64 %20, 0
  %22 = zext i1 %21 to i64
  br label %logic

logic:                                            ; preds = %rhs, %branch
  %23 = phi i64 [ 1, %branch ], [ %22, %rhs ]
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %then, label %else

then:                                             ; preds = %logic
  %25 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %25, align 8
  %26 = getelementptr i64, ptr %ctx.f5, i64 1
  %27 = load i64, ptr %26, align 4
  %28 = call i64 @polc_rule_0(ptr %0)
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %27, i64 %28, i64 44)
  br label %endif

else:                                             ; preds = %logic
  %30 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f6 = load ptr, ptr %30, align 8
  %31 = getelementptr i64, ptr %ctx.f6, i64 1
  %32 = load i64, ptr %31, align 4
  %33 = call i64 @polc_rule_1(ptr %0)
  %34 = call i64 @polrt_mul_rate(ptr %0, i64 %32, i64 %33, i64 46)
  br label %endif

endif:                                            ; preds = %else, %then
  %35 = phi i64 [ %29, %then ], [ %34, %else ]
  store i64 %35, ptr %result, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #1

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
  ret i64 0
}

define void @polc_keys(ptr %0, ptr %1) {
entry:
  ret void
}

attributes #0 = { noreturn }
attributes #1 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
