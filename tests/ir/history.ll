; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [4719 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\B1\A5\E5\8E\86\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/history.pol\22,\22sha256\22:\2217299229794a73dbc885e9a09f5496ed2ab37cd60a0705c7f828c46a2405e830\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Identity\22,\22members\22:[{\22name\22:\22poor\22,\22label\22:\22\E5\BB\BA\E6\A1\A3\E7\AB\8B\E5\8D\A1\E8\B4\AB\E5\9B\B0\E4\BA\BA\E5\8F\A3\22},{\22name\22:\22tekun\22,\22label\22:\22\E7\89\B9\E5\9B\B0\E4\BA\BA\E5\91\98\22},{\22name\22:\22dibao\22,\22label\22:\22\E4\BD\8E\E4\BF\9D\E5\AF\B9\E8\B1\A1\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22selfpay\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null}],\22person\22:[{\22name\22:\22chronic\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22history\22:[{\22name\22:\22identity\22,\22type\22:\22enum:Identity\22,\22label\22:null,\22default\22:null},{\22name\22:\22from\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22to\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null},{\22name\22:\22amount\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:0},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:2},{\22name\22:\22spans\22,\22type\22:\22int\22,\22label\22:null,\22role\22:null,\22rule\22:3},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:4},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:5},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:6},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:7}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:\22Identity\22,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:3}]}],\22rules\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22spans\22,\22type\22:\22int\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:7,\22col\22:7},{\22rule\22:\22best\22,\22line\22:8,\22col\22:6},{\22rule\22:\22best\22,\22line\22:8,\22col\22:19,\22best\22:\22max\22,\22type\22:\22rate\22},{\22rule\22:\22best\22,\22line\22:8,\22col\22:23},{\22rule\22:\22best\22,\22line\22:8,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:73},{\22rule\22:\22best\22,\22line\22:9,\22col\22:84},{\22rule\22:\22best\22,\22line\22:9,\22col\22:52},{\22rule\22:\22best\22,\22line\22:9,\22col\22:56},{\22rule\22:\22best\22,\22line\22:9,\22col\22:64},{\22rule\22:\22best\22,\22line\22:9,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:39},{\22rule\22:\22best\22,\22line\22:9,\22col\22:98},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:6},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:20,\22best\22:\22min\22,\22type\22:\22rate\22},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:24},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:30},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:70},{\22rule\22:\22total\22,\22line\22:11,\22col\22:6},{\22rule\22:\22total\22,\22line\22:11,\22col\22:21},{\22rule\22:\22total\22,\22line\22:11,\22col\22:25},{\22rule\22:\22total\22,\22line\22:11,\22col\22:60},{\22rule\22:\22total\22,\22line\22:11,\22col\22:74},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:6},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:19},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:47},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:55},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:6},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:24},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:50},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:63},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:6},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:25},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:51},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:59},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:6},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:48},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:63},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:23},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:31},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:40},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:55},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:71},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:81},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:97}]}\00"
@polc_params = constant [4 x i64] [i64 500000, i64 800000, i64 750000, i64 0]
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
  %ctx.f13 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f12 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f11 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f10 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f7 = load i64, ptr %5, align 4
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %7, align 8
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %8, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %9 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %9, align 8
  %10 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f, i64 0
  %12 = load i64, ptr %11, align 4
  %13 = icmp eq i64 %12, 2
  br i1 %13, label %cached, label %compute

cached:                                           ; preds = %entry
  %14 = getelementptr i64, ptr %ctx.f1, i64 0
  %15 = load i64, ptr %14, align 4
  ret i64 %15

compute:                                          ; preds = %entry
  %16 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 1, ptr %16, align 4
  br label %branch

done:                                             ; preds = %agg.end
  %value = load i64, ptr %result, align 4
  %17 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %17, align 4
  %18 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %18, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %19 = load i64, ptr %i, align 4
  %20 = icmp slt i64 %19, %ctx.f2
  br i1 %20, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %21 = mul i64 %19, 4
  %22 = getelementptr i64, ptr %ctx.f3, i64 %21
  call void @polrt_trace_span(ptr %0, i64 %19)
  %23 = getelementptr i64, ptr %22, i64 1
  %24 = load i64, ptr %23, align 4
  %25 = getelementptr i64, ptr %ctx.f4, i64 0
  %26 = load i64, ptr %25, align 4
  %27 = icmp sle i64 %24, %26
  %28 = zext i1 %27 to i64
  %29 = icmp ne i64 %28, 0
  br i1 %29, label %rhs, label %logic

agg.next:                                         ; preds = %traced, %logic
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
  %35 = getelementptr i64, ptr %22, i64 2
  %36 = load i64, ptr %35, align 4
  %37 = icmp ne i64 %36, -9223372036854775808
  %38 = zext i1 %37 to i64
  %39 = icmp eq i64 %38, 0
  %40 = zext i1 %39 to i64
  %41 = icmp ne i64 %40, 0
  br i1 %41, label %logic6, label %rhs5

logic:                                            ; preds = %logic6, %agg.body
  %42 = phi i64 [ 0, %agg.body ], [ %51, %logic6 ]
  %43 = icmp ne i64 %42, 0
  br i1 %43, label %agg.yes, label %agg.next

rhs5:                                             ; preds = %rhs
  %44 = getelementptr i64, ptr %ctx.f4, i64 0
  %45 = load i64, ptr %44, align 4
  %46 = getelementptr i64, ptr %22, i64 2
  %47 = load i64, ptr %46, align 4
  %48 = icmp eq i64 %47, -9223372036854775808
  br i1 %48, label %fail, label %ok

logic6:                                           ; preds = %ok, %rhs
  %49 = phi i64 [ 1, %rhs ], [ %55, %ok ]
  %50 = icmp ne i64 %49, 0
  %51 = zext i1 %50 to i64
  br label %logic

fail:                                             ; preds = %rhs5
  call void @polrt_fail(ptr %0, i64 4, i64 6)
  unreachable

ok:                                               ; preds = %rhs5
  %52 = icmp sle i64 %45, %47
  %53 = zext i1 %52 to i64
  %54 = icmp ne i64 %53, 0
  %55 = zext i1 %54 to i64
  br label %logic6

agg.yes:                                          ; preds = %logic
  %56 = load i64, ptr %acc, align 4
  %57 = icmp slt i64 %ctx.f7, 9223372036854775807
  %58 = icmp sge i64 %ctx.f7, 20089
  %59 = and i1 %58, %57
  %60 = select i1 %59, i64 0, i64 -1
  %61 = select i1 %59, i64 0, i64 -1
  %62 = icmp slt i64 %60, 0
  br i1 %62, label %fail8, label %ok9

fail8:                                            ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

ok9:                                              ; preds = %agg.yes
  %63 = getelementptr i64, ptr %ctx.f10, i64 0
  store i64 %61, ptr %63, align 4
  %64 = getelementptr i64, ptr %22, i64 0
  %65 = load i64, ptr %64, align 4
  %66 = add i64 %60, %65
  %67 = icmp ne ptr %ctx.f11, null
  br i1 %67, label %trace, label %traced

trace:                                            ; preds = %ok9
  %68 = getelementptr i64, ptr %ctx.f11, i64 0
  store i64 %65, ptr %68, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok9
  %69 = getelementptr i64, ptr %ctx.f12, i64 %66
  %70 = load i64, ptr %69, align 4
  call void @polrt_trace_pick(ptr %0, i64 2, i64 %19, i64 %70)
  %71 = load i64, ptr %acc, align 4
  %72 = load i64, ptr %found, align 4
  %73 = icmp sgt i64 %70, %71
  %74 = icmp eq i64 %72, 0
  %75 = or i1 %74, %73
  %76 = select i1 %75, i64 %70, i64 %71
  store i64 %76, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %77 = phi i64 [ %33, %agg.done ], [ 0, %agg.default ]
  store i64 %77, ptr %result, align 4
  %78 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 0, ptr %78, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f8 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f6 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f5 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f4 = load i64, ptr %5, align 4
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %7, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %8, align 8
  %9 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %9, align 8
  %10 = getelementptr i64, ptr %ctx.f, i64 1
  %11 = load i64, ptr %10, align 4
  %12 = icmp eq i64 %11, 2
  br i1 %12, label %cached, label %compute

cached:                                           ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f1, i64 1
  %14 = load i64, ptr %13, align 4
  ret i64 %14

compute:                                          ; preds = %entry
  %15 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 1, ptr %15, align 4
  br label %branch

done:                                             ; preds = %agg.end
  %value = load i64, ptr %result, align 4
  %16 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %16, align 4
  %17 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %17, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %18 = load i64, ptr %i, align 4
  %19 = icmp slt i64 %18, %ctx.f2
  br i1 %19, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %20 = mul i64 %18, 4
  %21 = getelementptr i64, ptr %ctx.f3, i64 %20
  call void @polrt_trace_span(ptr %0, i64 %18)
  %22 = load i64, ptr %acc, align 4
  %23 = icmp slt i64 %ctx.f4, 9223372036854775807
  %24 = icmp sge i64 %ctx.f4, 20089
  %25 = and i1 %24, %23
  %26 = select i1 %25, i64 0, i64 -1
  %27 = select i1 %25, i64 0, i64 -1
  %28 = icmp slt i64 %26, 0
  br i1 %28, label %fail, label %ok

agg.next:                                         ; preds = %traced
  %29 = load i64, ptr %i, align 4
  %30 = add i64 %29, 1
  store i64 %30, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %31 = load i64, ptr %found, align 4
  %32 = load i64, ptr %acc, align 4
  %33 = icmp ne i64 %31, 0
  br i1 %33, label %agg.end, label %agg.default

fail:                                             ; preds = %agg.body
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok:                                               ; preds = %agg.body
  %34 = getelementptr i64, ptr %ctx.f5, i64 0
  store i64 %27, ptr %34, align 4
  %35 = getelementptr i64, ptr %21, i64 0
  %36 = load i64, ptr %35, align 4
  %37 = add i64 %26, %36
  %38 = icmp ne ptr %ctx.f6, null
  br i1 %38, label %trace, label %traced

trace:                                            ; preds = %ok
  %39 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %36, ptr %39, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %40 = getelementptr i64, ptr %ctx.f7, i64 %37
  %41 = load i64, ptr %40, align 4
  call void @polrt_trace_pick(ptr %0, i64 14, i64 %18, i64 %41)
  %42 = load i64, ptr %acc, align 4
  %43 = load i64, ptr %found, align 4
  %44 = icmp slt i64 %41, %42
  %45 = icmp eq i64 %43, 0
  %46 = or i1 %45, %44
  %47 = select i1 %46, i64 %41, i64 %42
  store i64 %47, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %48 = phi i64 [ %32, %agg.done ], [ 0, %agg.default ]
  store i64 %48, ptr %result, align 4
  %49 = getelementptr i64, ptr %ctx.f8, i64 1
  store i64 0, ptr %49, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_2(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %3, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 2
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 2
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 1, ptr %11, align 4
  br label %branch

done:                                             ; preds = %agg.done
  %value = load i64, ptr %result, align 4
  %12 = getelementptr i64, ptr %ctx.f1, i64 2
  store i64 %value, ptr %12, align 4
  %13 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %14 = load i64, ptr %i, align 4
  %15 = icmp slt i64 %14, %ctx.f2
  br i1 %15, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %16 = mul i64 %14, 4
  %17 = getelementptr i64, ptr %ctx.f3, i64 %16
  call void @polrt_trace_span(ptr %0, i64 %14)
  %18 = getelementptr i64, ptr %17, i64 0
  %19 = load i64, ptr %18, align 4
  %20 = icmp ne i64 %19, 0
  %21 = zext i1 %20 to i64
  %22 = icmp ne i64 %21, 0
  br i1 %22, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %ok, %agg.body
  %23 = load i64, ptr %i, align 4
  %24 = add i64 %23, 1
  store i64 %24, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %25 = load i64, ptr %acc, align 4
  store i64 %25, ptr %result, align 4
  %26 = getelementptr i64, ptr %ctx.f4, i64 2
  store i64 0, ptr %26, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %27 = load i64, ptr %acc, align 4
  %28 = getelementptr i64, ptr %17, i64 3
  %29 = load i64, ptr %28, align 4
  %30 = load i64, ptr %acc, align 4
  %31 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %30, i64 %29)
  %v = extractvalue { i64, i1 } %31, 0
  %ovf = extractvalue { i64, i1 } %31, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok:                                               ; preds = %agg.yes
  store i64 %v, ptr %acc, align 4
  br label %agg.next
}

; Function Attrs: noinline optnone
define i64 @polc_rule_3(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %3, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 3
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 3
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f, i64 3
  store i64 1, ptr %11, align 4
  br label %branch

done:                                             ; preds = %agg.done
  %value = load i64, ptr %result, align 4
  %12 = getelementptr i64, ptr %ctx.f1, i64 3
  store i64 %value, ptr %12, align 4
  %13 = getelementptr i64, ptr %ctx.f, i64 3
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 23)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %14 = load i64, ptr %i, align 4
  %15 = icmp slt i64 %14, %ctx.f2
  br i1 %15, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %16 = mul i64 %14, 4
  %17 = getelementptr i64, ptr %ctx.f3, i64 %16
  call void @polrt_trace_span(ptr %0, i64 %14)
  %18 = getelementptr i64, ptr %17, i64 2
  %19 = load i64, ptr %18, align 4
  %20 = icmp ne i64 %19, -9223372036854775808
  %21 = zext i1 %20 to i64
  %22 = icmp ne i64 %21, 0
  br i1 %22, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.yes, %agg.body
  %23 = load i64, ptr %i, align 4
  %24 = add i64 %23, 1
  store i64 %24, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %25 = load i64, ptr %acc, align 4
  store i64 %25, ptr %result, align 4
  %26 = getelementptr i64, ptr %ctx.f4, i64 3
  store i64 0, ptr %26, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %27 = load i64, ptr %acc, align 4
  %28 = add i64 %27, 1
  store i64 %28, ptr %acc, align 4
  br label %agg.next
}

; Function Attrs: noinline optnone
define i64 @polc_rule_4(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %3, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 4
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 4
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 1, ptr %11, align 4
  br label %branch

done:                                             ; preds = %agg.done
  %value = load i64, ptr %result, align 4
  %12 = getelementptr i64, ptr %ctx.f1, i64 4
  store i64 %value, ptr %12, align 4
  %13 = getelementptr i64, ptr %ctx.f, i64 4
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %14 = load i64, ptr %i, align 4
  %15 = icmp slt i64 %14, %ctx.f2
  br i1 %15, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %16 = mul i64 %14, 4
  %17 = getelementptr i64, ptr %ctx.f3, i64 %16
  call void @polrt_trace_span(ptr %0, i64 %14)
  %18 = getelementptr i64, ptr %17, i64 0
  %19 = load i64, ptr %18, align 4
  %20 = icmp eq i64 %19, 1
  %21 = zext i1 %20 to i64
  %22 = icmp ne i64 %21, 0
  br i1 %22, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.body
  %23 = load i64, ptr %i, align 4
  %24 = add i64 %23, 1
  store i64 %24, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.yes, %agg.head
  %25 = load i64, ptr %acc, align 4
  store i64 %25, ptr %result, align 4
  %26 = getelementptr i64, ptr %ctx.f4, i64 4
  store i64 0, ptr %26, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %27 = load i64, ptr %acc, align 4
  store i64 1, ptr %acc, align 4
  br label %agg.done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_5(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f4 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f3 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f2 = load i64, ptr %3, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 5
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 5
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 1, ptr %11, align 4
  br label %branch

done:                                             ; preds = %agg.done
  %value = load i64, ptr %result, align 4
  %12 = getelementptr i64, ptr %ctx.f1, i64 5
  store i64 %value, ptr %12, align 4
  %13 = getelementptr i64, ptr %ctx.f, i64 5
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 1, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %14 = load i64, ptr %i, align 4
  %15 = icmp slt i64 %14, %ctx.f2
  br i1 %15, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %16 = mul i64 %14, 4
  %17 = getelementptr i64, ptr %ctx.f3, i64 %16
  call void @polrt_trace_span(ptr %0, i64 %14)
  %18 = getelementptr i64, ptr %17, i64 2
  %19 = load i64, ptr %18, align 4
  %20 = icmp ne i64 %19, -9223372036854775808
  %21 = zext i1 %20 to i64
  %22 = icmp ne i64 %21, 0
  br i1 %22, label %agg.next, label %agg.no

agg.next:                                         ; preds = %agg.body
  %23 = load i64, ptr %i, align 4
  %24 = add i64 %23, 1
  store i64 %24, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.no, %agg.head
  %25 = load i64, ptr %acc, align 4
  store i64 %25, ptr %result, align 4
  %26 = getelementptr i64, ptr %ctx.f4, i64 5
  store i64 0, ptr %26, align 4
  br label %done

agg.no:                                           ; preds = %agg.body
  store i64 0, ptr %acc, align 4
  br label %agg.done
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

done:                                             ; preds = %logic
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 6
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 6
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 2
  %14 = load i64, ptr %13, align 4
  %15 = icmp ne i64 %14, -9223372036854775808
  %16 = zext i1 %15 to i64
  %17 = icmp ne i64 %16, 0
  br i1 %17, label %rhs, label %logic

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

rhs:                                              ; preds = %branch
  %18 = getelementptr i64, ptr %ctx.f2, i64 2
  %19 = load i64, ptr %18, align 4
  %20 = icmp eq i64 %19, -9223372036854775808
  br i1 %20, label %fail, label %ok

logic:                                            ; preds = %ok, %branch
  %21 = phi i64 [ 0, %branch ], [ %28, %ok ]
  store i64 %21, ptr %result, align 4
  %22 = getelementptr i64, ptr %ctx.f3, i64 6
  store i64 0, ptr %22, align 4
  br label %done

fail:                                             ; preds = %rhs
  call void @polrt_fail(ptr %0, i64 4, i64 36)
  unreachable

ok:                                               ; preds = %rhs
  %23 = getelementptr i64, ptr %ctx.f2, i64 0
  %24 = load i64, ptr %23, align 4
  %25 = icmp sge i64 %19, %24
  %26 = zext i1 %25 to i64
  %27 = icmp ne i64 %26, 0
  %28 = zext i1 %27 to i64
  br label %logic
}

; Function Attrs: noinline optnone
define i64 @polc_rule_7(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f19 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 1
  %ctx.f2 = load ptr, ptr %3, align 8
  %result = alloca i64, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %5, align 8
  %6 = getelementptr i64, ptr %ctx.f, i64 7
  %7 = load i64, ptr %6, align 4
  %8 = icmp eq i64 %7, 2
  br i1 %8, label %cached, label %compute

cached:                                           ; preds = %entry
  %9 = getelementptr i64, ptr %ctx.f1, i64 7
  %10 = load i64, ptr %9, align 4
  ret i64 %10

compute:                                          ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f, i64 7
  store i64 1, ptr %11, align 4
  br label %branch

done:                                             ; preds = %endif
  %value = load i64, ptr %result, align 4
  %12 = getelementptr i64, ptr %ctx.f1, i64 7
  store i64 %value, ptr %12, align 4
  %13 = getelementptr i64, ptr %ctx.f, i64 7
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %14 = getelementptr i64, ptr %ctx.f2, i64 0
  %15 = load i64, ptr %14, align 4
  %16 = icmp ne i64 %15, 0
  br i1 %16, label %logic, label %rhs

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 40)
  unreachable

rhs:                                              ; preds = %branch
  %17 = getelementptr i64, ptr %ctx.f, i64 4
  %18 = load i64, ptr %17, align 4
  %19 = icmp eq i64 %18, 2
  br i1 %19, label %memo.hit, label %memo.miss

logic:                                            ; preds = %memo, %branch
  %20 = phi i64 [ 1, %branch ], [ %27, %memo ]
  %21 = icmp ne i64 %20, 0
  br i1 %21, label %then, label %else

memo.hit:                                         ; preds = %rhs
  %22 = getelementptr i64, ptr %ctx.f1, i64 4
  %23 = load i64, ptr %22, align 4
  br label %memo

memo.miss:                                        ; preds = %rhs
  %24 = call i64 @polc_rule_4(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %25 = phi i64 [ %23, %memo.hit ], [ %24, %memo.miss ]
  %26 = icmp ne i64 %25, 0
  %27 = zext i1 %26 to i64
  br label %logic

then:                                             ; preds = %logic
  %28 = getelementptr i64, ptr %ctx.f3, i64 1
  %29 = load i64, ptr %28, align 4
  %30 = getelementptr i64, ptr %ctx.f, i64 0
  %31 = load i64, ptr %30, align 4
  %32 = icmp eq i64 %31, 2
  br i1 %32, label %memo.hit4, label %memo.miss5

else:                                             ; preds = %logic
  %33 = getelementptr i64, ptr %ctx.f3, i64 1
  %34 = load i64, ptr %33, align 4
  %35 = getelementptr i64, ptr %ctx.f, i64 1
  %36 = load i64, ptr %35, align 4
  %37 = icmp eq i64 %36, 2
  br i1 %37, label %memo.hit7, label %memo.miss8

endif:                                            ; preds = %host.done18, %host.done
  %38 = phi i64 [ %51, %host.done ], [ %63, %host.done18 ]
  store i64 %38, ptr %result, align 4
  %39 = getelementptr i64, ptr %ctx.f19, i64 7
  store i64 0, ptr %39, align 4
  br label %done

memo.hit4:                                        ; preds = %then
  %40 = getelementptr i64, ptr %ctx.f1, i64 0
  %41 = load i64, ptr %40, align 4
  br label %memo6

memo.miss5:                                       ; preds = %then
  %42 = call i64 @polc_rule_0(ptr %0)
  br label %memo6

memo6:                                            ; preds = %memo.miss5, %memo.hit4
  %43 = phi i64 [ %41, %memo.hit4 ], [ %42, %memo.miss5 ]
  %44 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %29, i64 %43)
  %prod = extractvalue { i64, i1 } %44, 0
  %wide = extractvalue { i64, i1 } %44, 1
  %45 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %45, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %rate.fast, %memo6
  %46 = call i64 @polrt_mul_rate(ptr %0, i64 %29, i64 %43, i64 44)
  br label %host.done

rate.fast:                                        ; preds = %memo6
  %47 = icmp slt i64 %prod, 0
  %48 = select i1 %47, i64 -500000, i64 500000
  %49 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %48)
  %v = extractvalue { i64, i1 } %49, 0
  %ovf = extractvalue { i64, i1 } %49, 1
  %50 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %50, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %51 = phi i64 [ %rounded, %round ], [ %46, %rate.wide ]
  br label %endif

memo.hit7:                                        ; preds = %else
  %52 = getelementptr i64, ptr %ctx.f1, i64 1
  %53 = load i64, ptr %52, align 4
  br label %memo9

memo.miss8:                                       ; preds = %else
  %54 = call i64 @polc_rule_1(ptr %0)
  br label %memo9

memo9:                                            ; preds = %memo.miss8, %memo.hit7
  %55 = phi i64 [ %53, %memo.hit7 ], [ %54, %memo.miss8 ]
  %56 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %34, i64 %55)
  %prod10 = extractvalue { i64, i1 } %56, 0
  %wide11 = extractvalue { i64, i1 } %56, 1
  %57 = call i1 @llvm.expect.i1(i1 %wide11, i1 false)
  br i1 %57, label %rate.wide12, label %rate.fast13

rate.wide12:                                      ; preds = %rate.fast13, %memo9
  %58 = call i64 @polrt_mul_rate(ptr %0, i64 %34, i64 %55, i64 46)
  br label %host.done18

rate.fast13:                                      ; preds = %memo9
  %59 = icmp slt i64 %prod10, 0
  %60 = select i1 %59, i64 -500000, i64 500000
  %61 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod10, i64 %60)
  %v14 = extractvalue { i64, i1 } %61, 0
  %ovf15 = extractvalue { i64, i1 } %61, 1
  %62 = call i1 @llvm.expect.i1(i1 %ovf15, i1 false)
  br i1 %62, label %rate.wide12, label %round16

round16:                                          ; preds = %rate.fast13
  %rounded17 = sdiv i64 %v14, 1000000
  br label %host.done18

host.done18:                                      ; preds = %rate.wide12, %round16
  %63 = phi i64 [ %rounded17, %round16 ], [ %58, %rate.wide12 ]
  br label %endif
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

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
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 1
  %ctx.f106 = load ptr, ptr %1, align 8
  %result102 = alloca i64, align 8
  %result93 = alloca i64, align 8
  %found87 = alloca i64, align 8
  %acc86 = alloca i64, align 8
  %i85 = alloca i64, align 8
  %result81 = alloca i64, align 8
  %found74 = alloca i64, align 8
  %acc73 = alloca i64, align 8
  %i72 = alloca i64, align 8
  %result68 = alloca i64, align 8
  %found61 = alloca i64, align 8
  %acc60 = alloca i64, align 8
  %i59 = alloca i64, align 8
  %result55 = alloca i64, align 8
  %found46 = alloca i64, align 8
  %acc45 = alloca i64, align 8
  %i44 = alloca i64, align 8
  %result40 = alloca i64, align 8
  %found30 = alloca i64, align 8
  %acc29 = alloca i64, align 8
  %i28 = alloca i64, align 8
  %result24 = alloca i64, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f23 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f22 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f19 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f16 = load ptr, ptr %5, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f15 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f = load i64, ptr %7, align 4
  %found = alloca i64, align 8
  %acc = alloca i64, align 8
  %i = alloca i64, align 8
  %result = alloca i64, align 8
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
  br label %branch

done:                                             ; preds = %agg.end
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %8 = getelementptr i64, ptr %ctx.f23, i64 0
  store i64 %value, ptr %8, align 4
  br label %branch26

branch:                                           ; preds = %entry
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %9 = load i64, ptr %i, align 4
  %10 = icmp slt i64 %9, %ctx.f
  br i1 %10, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %11 = mul i64 %9, 4
  %12 = getelementptr i64, ptr %ctx.f15, i64 %11
  %13 = getelementptr i64, ptr %12, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f16, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = icmp sle i64 %14, %16
  %18 = zext i1 %17 to i64
  %19 = icmp ne i64 %18, 0
  br i1 %19, label %rhs, label %logic

agg.next:                                         ; preds = %ok21, %logic
  %20 = load i64, ptr %i, align 4
  %21 = add i64 %20, 1
  store i64 %21, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %22 = load i64, ptr %found, align 4
  %23 = load i64, ptr %acc, align 4
  %24 = icmp ne i64 %22, 0
  br i1 %24, label %agg.end, label %agg.default

rhs:                                              ; preds = %agg.body
  %25 = getelementptr i64, ptr %12, i64 2
  %26 = load i64, ptr %25, align 4
  %27 = icmp ne i64 %26, -9223372036854775808
  %28 = zext i1 %27 to i64
  %29 = icmp eq i64 %28, 0
  %30 = zext i1 %29 to i64
  %31 = icmp ne i64 %30, 0
  br i1 %31, label %logic18, label %rhs17

logic:                                            ; preds = %logic18, %agg.body
  %32 = phi i64 [ 0, %agg.body ], [ %41, %logic18 ]
  %33 = icmp ne i64 %32, 0
  br i1 %33, label %agg.yes, label %agg.next

rhs17:                                            ; preds = %rhs
  %34 = getelementptr i64, ptr %ctx.f16, i64 0
  %35 = load i64, ptr %34, align 4
  %36 = getelementptr i64, ptr %12, i64 2
  %37 = load i64, ptr %36, align 4
  %38 = icmp eq i64 %37, -9223372036854775808
  br i1 %38, label %fail, label %ok

logic18:                                          ; preds = %ok, %rhs
  %39 = phi i64 [ 1, %rhs ], [ %45, %ok ]
  %40 = icmp ne i64 %39, 0
  %41 = zext i1 %40 to i64
  br label %logic

fail:                                             ; preds = %rhs17
  call void @polrt_fail(ptr %0, i64 4, i64 6)
  unreachable

ok:                                               ; preds = %rhs17
  %42 = icmp sle i64 %35, %37
  %43 = zext i1 %42 to i64
  %44 = icmp ne i64 %43, 0
  %45 = zext i1 %44 to i64
  br label %logic18

agg.yes:                                          ; preds = %logic
  %46 = load i64, ptr %acc, align 4
  %47 = icmp slt i64 %ctx.f19, 9223372036854775807
  %48 = icmp sge i64 %ctx.f19, 20089
  %49 = and i1 %48, %47
  %50 = select i1 %49, i64 0, i64 -1
  %51 = icmp slt i64 %50, 0
  br i1 %51, label %fail20, label %ok21

fail20:                                           ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

ok21:                                             ; preds = %agg.yes
  %52 = getelementptr i64, ptr %12, i64 0
  %53 = load i64, ptr %52, align 4
  %54 = add i64 %50, %53
  %55 = getelementptr i64, ptr %ctx.f22, i64 %54
  %56 = load i64, ptr %55, align 4
  %57 = load i64, ptr %acc, align 4
  %58 = load i64, ptr %found, align 4
  %59 = icmp sgt i64 %56, %57
  %60 = icmp eq i64 %58, 0
  %61 = or i1 %60, %59
  %62 = select i1 %61, i64 %56, i64 %57
  store i64 %62, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %63 = phi i64 [ %23, %agg.done ], [ 0, %agg.default ]
  store i64 %63, ptr %result, align 4
  br label %done

done25:                                           ; preds = %agg.end38
  %value39 = load i64, ptr %result24, align 4
  store i64 %value39, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %64 = getelementptr i64, ptr %ctx.f23, i64 1
  store i64 %value39, ptr %64, align 4
  br label %branch42

branch26:                                         ; preds = %done
  store i64 0, ptr %i28, align 4
  store i64 0, ptr %acc29, align 4
  store i64 0, ptr %found30, align 4
  br label %agg.head31

next27:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

agg.head31:                                       ; preds = %agg.next33, %branch26
  %65 = load i64, ptr %i28, align 4
  %66 = icmp slt i64 %65, %ctx.f
  br i1 %66, label %agg.body32, label %agg.done34

agg.body32:                                       ; preds = %agg.head31
  %67 = mul i64 %65, 4
  %68 = getelementptr i64, ptr %ctx.f15, i64 %67
  %69 = load i64, ptr %acc29, align 4
  %70 = icmp slt i64 %ctx.f19, 9223372036854775807
  %71 = icmp sge i64 %ctx.f19, 20089
  %72 = and i1 %71, %70
  %73 = select i1 %72, i64 0, i64 -1
  %74 = icmp slt i64 %73, 0
  br i1 %74, label %fail35, label %ok36

agg.next33:                                       ; preds = %ok36
  %75 = load i64, ptr %i28, align 4
  %76 = add i64 %75, 1
  store i64 %76, ptr %i28, align 4
  br label %agg.head31

agg.done34:                                       ; preds = %agg.head31
  %77 = load i64, ptr %found30, align 4
  %78 = load i64, ptr %acc29, align 4
  %79 = icmp ne i64 %77, 0
  br i1 %79, label %agg.end38, label %agg.default37

fail35:                                           ; preds = %agg.body32
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok36:                                             ; preds = %agg.body32
  %80 = getelementptr i64, ptr %68, i64 0
  %81 = load i64, ptr %80, align 4
  %82 = add i64 %73, %81
  %83 = getelementptr i64, ptr %ctx.f22, i64 %82
  %84 = load i64, ptr %83, align 4
  %85 = load i64, ptr %acc29, align 4
  %86 = load i64, ptr %found30, align 4
  %87 = icmp slt i64 %84, %85
  %88 = icmp eq i64 %86, 0
  %89 = or i1 %88, %87
  %90 = select i1 %89, i64 %84, i64 %85
  store i64 %90, ptr %acc29, align 4
  store i64 1, ptr %found30, align 4
  br label %agg.next33

agg.default37:                                    ; preds = %agg.done34
  br label %agg.end38

agg.end38:                                        ; preds = %agg.default37, %agg.done34
  %91 = phi i64 [ %78, %agg.done34 ], [ 0, %agg.default37 ]
  store i64 %91, ptr %result24, align 4
  br label %done25

done41:                                           ; preds = %agg.done50
  %value54 = load i64, ptr %result40, align 4
  store i64 %value54, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  %92 = getelementptr i64, ptr %ctx.f23, i64 2
  store i64 %value54, ptr %92, align 4
  br label %branch57

branch42:                                         ; preds = %done25
  store i64 0, ptr %i44, align 4
  store i64 0, ptr %acc45, align 4
  store i64 0, ptr %found46, align 4
  br label %agg.head47

next43:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

agg.head47:                                       ; preds = %agg.next49, %branch42
  %93 = load i64, ptr %i44, align 4
  %94 = icmp slt i64 %93, %ctx.f
  br i1 %94, label %agg.body48, label %agg.done50

agg.body48:                                       ; preds = %agg.head47
  %95 = mul i64 %93, 4
  %96 = getelementptr i64, ptr %ctx.f15, i64 %95
  %97 = getelementptr i64, ptr %96, i64 0
  %98 = load i64, ptr %97, align 4
  %99 = icmp ne i64 %98, 0
  %100 = zext i1 %99 to i64
  %101 = icmp ne i64 %100, 0
  br i1 %101, label %agg.yes51, label %agg.next49

agg.next49:                                       ; preds = %ok53, %agg.body48
  %102 = load i64, ptr %i44, align 4
  %103 = add i64 %102, 1
  store i64 %103, ptr %i44, align 4
  br label %agg.head47

agg.done50:                                       ; preds = %agg.head47
  %104 = load i64, ptr %acc45, align 4
  store i64 %104, ptr %result40, align 4
  br label %done41

agg.yes51:                                        ; preds = %agg.body48
  %105 = load i64, ptr %acc45, align 4
  %106 = getelementptr i64, ptr %96, i64 3
  %107 = load i64, ptr %106, align 4
  %108 = load i64, ptr %acc45, align 4
  %109 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %108, i64 %107)
  %v = extractvalue { i64, i1 } %109, 0
  %ovf = extractvalue { i64, i1 } %109, 1
  br i1 %ovf, label %fail52, label %ok53

fail52:                                           ; preds = %agg.yes51
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok53:                                             ; preds = %agg.yes51
  store i64 %v, ptr %acc45, align 4
  br label %agg.next49

done56:                                           ; preds = %agg.done65
  %value67 = load i64, ptr %result55, align 4
  store i64 %value67, ptr %memo5, align 4
  store i64 1, ptr %memo.done6, align 4
  %110 = getelementptr i64, ptr %ctx.f23, i64 3
  store i64 %value67, ptr %110, align 4
  br label %branch70

branch57:                                         ; preds = %done41
  store i64 0, ptr %i59, align 4
  store i64 0, ptr %acc60, align 4
  store i64 0, ptr %found61, align 4
  br label %agg.head62

next58:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 23)
  unreachable

agg.head62:                                       ; preds = %agg.next64, %branch57
  %111 = load i64, ptr %i59, align 4
  %112 = icmp slt i64 %111, %ctx.f
  br i1 %112, label %agg.body63, label %agg.done65

agg.body63:                                       ; preds = %agg.head62
  %113 = mul i64 %111, 4
  %114 = getelementptr i64, ptr %ctx.f15, i64 %113
  %115 = getelementptr i64, ptr %114, i64 2
  %116 = load i64, ptr %115, align 4
  %117 = icmp ne i64 %116, -9223372036854775808
  %118 = zext i1 %117 to i64
  %119 = icmp ne i64 %118, 0
  br i1 %119, label %agg.yes66, label %agg.next64

agg.next64:                                       ; preds = %agg.yes66, %agg.body63
  %120 = load i64, ptr %i59, align 4
  %121 = add i64 %120, 1
  store i64 %121, ptr %i59, align 4
  br label %agg.head62

agg.done65:                                       ; preds = %agg.head62
  %122 = load i64, ptr %acc60, align 4
  store i64 %122, ptr %result55, align 4
  br label %done56

agg.yes66:                                        ; preds = %agg.body63
  %123 = load i64, ptr %acc60, align 4
  %124 = add i64 %123, 1
  store i64 %124, ptr %acc60, align 4
  br label %agg.next64

done69:                                           ; preds = %agg.done78
  %value80 = load i64, ptr %result68, align 4
  store i64 %value80, ptr %memo7, align 4
  store i64 1, ptr %memo.done8, align 4
  %125 = getelementptr i64, ptr %ctx.f23, i64 4
  store i64 %value80, ptr %125, align 4
  br label %branch83

branch70:                                         ; preds = %done56
  store i64 0, ptr %i72, align 4
  store i64 0, ptr %acc73, align 4
  store i64 0, ptr %found74, align 4
  br label %agg.head75

next71:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

agg.head75:                                       ; preds = %agg.next77, %branch70
  %126 = load i64, ptr %i72, align 4
  %127 = icmp slt i64 %126, %ctx.f
  br i1 %127, label %agg.body76, label %agg.done78

agg.body76:                                       ; preds = %agg.head75
  %128 = mul i64 %126, 4
  %129 = getelementptr i64, ptr %ctx.f15, i64 %128
  %130 = getelementptr i64, ptr %129, i64 0
  %131 = load i64, ptr %130, align 4
  %132 = icmp eq i64 %131, 1
  %133 = zext i1 %132 to i64
  %134 = icmp ne i64 %133, 0
  br i1 %134, label %agg.yes79, label %agg.next77

agg.next77:                                       ; preds = %agg.body76
  %135 = load i64, ptr %i72, align 4
  %136 = add i64 %135, 1
  store i64 %136, ptr %i72, align 4
  br label %agg.head75

agg.done78:                                       ; preds = %agg.yes79, %agg.head75
  %137 = load i64, ptr %acc73, align 4
  store i64 %137, ptr %result68, align 4
  br label %done69

agg.yes79:                                        ; preds = %agg.body76
  %138 = load i64, ptr %acc73, align 4
  store i64 1, ptr %acc73, align 4
  br label %agg.done78

done82:                                           ; preds = %agg.done91
  %value92 = load i64, ptr %result81, align 4
  store i64 %value92, ptr %memo9, align 4
  store i64 1, ptr %memo.done10, align 4
  %139 = getelementptr i64, ptr %ctx.f23, i64 5
  store i64 %value92, ptr %139, align 4
  br label %branch95

branch83:                                         ; preds = %done69
  store i64 0, ptr %i85, align 4
  store i64 1, ptr %acc86, align 4
  store i64 0, ptr %found87, align 4
  br label %agg.head88

next84:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

agg.head88:                                       ; preds = %agg.next90, %branch83
  %140 = load i64, ptr %i85, align 4
  %141 = icmp slt i64 %140, %ctx.f
  br i1 %141, label %agg.body89, label %agg.done91

agg.body89:                                       ; preds = %agg.head88
  %142 = mul i64 %140, 4
  %143 = getelementptr i64, ptr %ctx.f15, i64 %142
  %144 = getelementptr i64, ptr %143, i64 2
  %145 = load i64, ptr %144, align 4
  %146 = icmp ne i64 %145, -9223372036854775808
  %147 = zext i1 %146 to i64
  %148 = icmp ne i64 %147, 0
  br i1 %148, label %agg.next90, label %agg.no

agg.next90:                                       ; preds = %agg.body89
  %149 = load i64, ptr %i85, align 4
  %150 = add i64 %149, 1
  store i64 %150, ptr %i85, align 4
  br label %agg.head88

agg.done91:                                       ; preds = %agg.no, %agg.head88
  %151 = load i64, ptr %acc86, align 4
  store i64 %151, ptr %result81, align 4
  br label %done82

agg.no:                                           ; preds = %agg.body89
  store i64 0, ptr %acc86, align 4
  br label %agg.done91

done94:                                           ; preds = %logic98
  %value101 = load i64, ptr %result93, align 4
  store i64 %value101, ptr %memo11, align 4
  store i64 1, ptr %memo.done12, align 4
  %152 = getelementptr i64, ptr %ctx.f23, i64 6
  store i64 %value101, ptr %152, align 4
  br label %branch104

branch95:                                         ; preds = %done82
  %153 = getelementptr i64, ptr %ctx.f16, i64 2
  %154 = load i64, ptr %153, align 4
  %155 = icmp ne i64 %154, -9223372036854775808
  %156 = zext i1 %155 to i64
  %157 = icmp ne i64 %156, 0
  br i1 %157, label %rhs97, label %logic98

next96:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

rhs97:                                            ; preds = %branch95
  %158 = getelementptr i64, ptr %ctx.f16, i64 2
  %159 = load i64, ptr %158, align 4
  %160 = icmp eq i64 %159, -9223372036854775808
  br i1 %160, label %fail99, label %ok100

logic98:                                          ; preds = %ok100, %branch95
  %161 = phi i64 [ 0, %branch95 ], [ %167, %ok100 ]
  store i64 %161, ptr %result93, align 4
  br label %done94

fail99:                                           ; preds = %rhs97
  call void @polrt_fail(ptr %0, i64 4, i64 36)
  unreachable

ok100:                                            ; preds = %rhs97
  %162 = getelementptr i64, ptr %ctx.f16, i64 0
  %163 = load i64, ptr %162, align 4
  %164 = icmp sge i64 %159, %163
  %165 = zext i1 %164 to i64
  %166 = icmp ne i64 %165, 0
  %167 = zext i1 %166 to i64
  br label %logic98

done103:                                          ; preds = %endif
  %value120 = load i64, ptr %result102, align 4
  store i64 %value120, ptr %memo13, align 4
  store i64 1, ptr %memo.done14, align 4
  %168 = getelementptr i64, ptr %ctx.f23, i64 7
  store i64 %value120, ptr %168, align 4
  ret i64 0

branch104:                                        ; preds = %done94
  %169 = getelementptr i64, ptr %ctx.f106, i64 0
  %170 = load i64, ptr %169, align 4
  %171 = icmp ne i64 %170, 0
  br i1 %171, label %logic108, label %rhs107

next105:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 40)
  unreachable

rhs107:                                           ; preds = %branch104
  %172 = load i64, ptr %memo7, align 4
  %173 = icmp ne i64 %172, 0
  %174 = zext i1 %173 to i64
  br label %logic108

logic108:                                         ; preds = %rhs107, %branch104
  %175 = phi i64 [ 1, %branch104 ], [ %174, %rhs107 ]
  %176 = icmp ne i64 %175, 0
  br i1 %176, label %then, label %else

then:                                             ; preds = %logic108
  %177 = getelementptr i64, ptr %ctx.f16, i64 1
  %178 = load i64, ptr %177, align 4
  %179 = load i64, ptr %memo, align 4
  %180 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %178, i64 %179)
  %prod = extractvalue { i64, i1 } %180, 0
  %wide = extractvalue { i64, i1 } %180, 1
  %181 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %181, label %rate.wide, label %rate.fast

else:                                             ; preds = %logic108
  %182 = getelementptr i64, ptr %ctx.f16, i64 1
  %183 = load i64, ptr %182, align 4
  %184 = load i64, ptr %memo1, align 4
  %185 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %183, i64 %184)
  %prod111 = extractvalue { i64, i1 } %185, 0
  %wide112 = extractvalue { i64, i1 } %185, 1
  %186 = call i1 @llvm.expect.i1(i1 %wide112, i1 false)
  br i1 %186, label %rate.wide113, label %rate.fast114

endif:                                            ; preds = %host.done119, %host.done
  %187 = phi i64 [ %193, %host.done ], [ %199, %host.done119 ]
  store i64 %187, ptr %result102, align 4
  br label %done103

rate.wide:                                        ; preds = %rate.fast, %then
  %188 = call i64 @polrt_mul_rate(ptr %0, i64 %178, i64 %179, i64 44)
  br label %host.done

rate.fast:                                        ; preds = %then
  %189 = icmp slt i64 %prod, 0
  %190 = select i1 %189, i64 -500000, i64 500000
  %191 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %190)
  %v109 = extractvalue { i64, i1 } %191, 0
  %ovf110 = extractvalue { i64, i1 } %191, 1
  %192 = call i1 @llvm.expect.i1(i1 %ovf110, i1 false)
  br i1 %192, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v109, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %193 = phi i64 [ %rounded, %round ], [ %188, %rate.wide ]
  br label %endif

rate.wide113:                                     ; preds = %rate.fast114, %else
  %194 = call i64 @polrt_mul_rate(ptr %0, i64 %183, i64 %184, i64 46)
  br label %host.done119

rate.fast114:                                     ; preds = %else
  %195 = icmp slt i64 %prod111, 0
  %196 = select i1 %195, i64 -500000, i64 500000
  %197 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod111, i64 %196)
  %v115 = extractvalue { i64, i1 } %197, 0
  %ovf116 = extractvalue { i64, i1 } %197, 1
  %198 = call i1 @llvm.expect.i1(i1 %ovf116, i1 false)
  br i1 %198, label %rate.wide113, label %round117

round117:                                         ; preds = %rate.fast114
  %rounded118 = sdiv i64 %v115, 1000000
  br label %host.done119

host.done119:                                     ; preds = %rate.wide113, %round117
  %199 = phi i64 [ %rounded118, %round117 ], [ %194, %rate.wide113 ]
  br label %endif
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
