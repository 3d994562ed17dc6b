; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [4719 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\B1\A5\E5\8E\86\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/history.pol\22,\22sha256\22:\2217299229794a73dbc885e9a09f5496ed2ab37cd60a0705c7f828c46a2405e830\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Identity\22,\22members\22:[{\22name\22:\22poor\22,\22label\22:\22\E5\BB\BA\E6\A1\A3\E7\AB\8B\E5\8D\A1\E8\B4\AB\E5\9B\B0\E4\BA\BA\E5\8F\A3\22},{\22name\22:\22tekun\22,\22label\22:\22\E7\89\B9\E5\9B\B0\E4\BA\BA\E5\91\98\22},{\22name\22:\22dibao\22,\22label\22:\22\E4\BD\8E\E4\BF\9D\E5\AF\B9\E8\B1\A1\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22selfpay\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null}],\22person\22:[{\22name\22:\22chronic\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22history\22:[{\22name\22:\22identity\22,\22type\22:\22enum:Identity\22,\22label\22:null,\22default\22:null},{\22name\22:\22from\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22to\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null},{\22name\22:\22amount\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:0},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:2},{\22name\22:\22spans\22,\22type\22:\22int\22,\22label\22:null,\22role\22:null,\22rule\22:3},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:4},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:5},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22label\22:null,\22role\22:null,\22rule\22:6},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:7}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:\22Identity\22,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:3}]}],\22rules\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22label\22:null,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22spans\22,\22type\22:\22int\22,\22label\22:null,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:7,\22col\22:7},{\22rule\22:\22best\22,\22line\22:8,\22col\22:6},{\22rule\22:\22best\22,\22line\22:8,\22col\22:19,\22best\22:\22max\22,\22type\22:\22rate\22},{\22rule\22:\22best\22,\22line\22:8,\22col\22:23},{\22rule\22:\22best\22,\22line\22:8,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:73},{\22rule\22:\22best\22,\22line\22:9,\22col\22:84},{\22rule\22:\22best\22,\22line\22:9,\22col\22:52},{\22rule\22:\22best\22,\22line\22:9,\22col\22:56},{\22rule\22:\22best\22,\22line\22:9,\22col\22:64},{\22rule\22:\22best\22,\22line\22:9,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:39},{\22rule\22:\22best\22,\22line\22:9,\22col\22:98},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:6},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:20,\22best\22:\22min\22,\22type\22:\22rate\22},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:24},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:30},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:70},{\22rule\22:\22total\22,\22line\22:11,\22col\22:6},{\22rule\22:\22total\22,\22line\22:11,\22col\22:21},{\22rule\22:\22total\22,\22line\22:11,\22col\22:25},{\22rule\22:\22total\22,\22line\22:11,\22col\22:60},{\22rule\22:\22total\22,\22line\22:11,\22col\22:74},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:6},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:19},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:47},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:55},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:6},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:24},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:50},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:63},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:6},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:25},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:51},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:59},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:6},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:48},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:63},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:23},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:31},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:40},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:55},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:71},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:81},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:97}]}\00"
@polc_params = constant [4 x i64] [i64 500000, i64 800000, i64 750000, i64 0]
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
  %ctx.f16 = load ptr, ptr %1, align 8
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

endif:                                            ; preds = %rate.done14, %rate.done
  %38 = phi i64 [ %54, %rate.done ], [ %69, %rate.done14 ]
  store i64 %38, ptr %result, align 4
  %39 = getelementptr i64, ptr %ctx.f16, i64 7
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

rate.wide:                                        ; preds = %memo6
  %46 = call i64 @polrt_mul_rate(ptr %0, i64 %29, i64 %43, i64 44)
  br label %rate.done

rate.fast:                                        ; preds = %memo6
  %47 = sdiv i64 %prod, 1000000
  %48 = srem i64 %prod, 1000000
  %49 = icmp sge i64 %48, 500000
  %50 = icmp sle i64 %48, -500000
  %51 = zext i1 %49 to i64
  %52 = add i64 %47, %51
  %53 = zext i1 %50 to i64
  %rounded = sub i64 %52, %53
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %54 = phi i64 [ %rounded, %rate.fast ], [ %46, %rate.wide ]
  br label %endif

memo.hit7:                                        ; preds = %else
  %55 = getelementptr i64, ptr %ctx.f1, i64 1
  %56 = load i64, ptr %55, align 4
  br label %memo9

memo.miss8:                                       ; preds = %else
  %57 = call i64 @polc_rule_1(ptr %0)
  br label %memo9

memo9:                                            ; preds = %memo.miss8, %memo.hit7
  %58 = phi i64 [ %56, %memo.hit7 ], [ %57, %memo.miss8 ]
  %59 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %34, i64 %58)
  %prod10 = extractvalue { i64, i1 } %59, 0
  %wide11 = extractvalue { i64, i1 } %59, 1
  %60 = call i1 @llvm.expect.i1(i1 %wide11, i1 false)
  br i1 %60, label %rate.wide12, label %rate.fast13

rate.wide12:                                      ; preds = %memo9
  %61 = call i64 @polrt_mul_rate(ptr %0, i64 %34, i64 %58, i64 46)
  br label %rate.done14

rate.fast13:                                      ; preds = %memo9
  %62 = sdiv i64 %prod10, 1000000
  %63 = srem i64 %prod10, 1000000
  %64 = icmp sge i64 %63, 500000
  %65 = icmp sle i64 %63, -500000
  %66 = zext i1 %64 to i64
  %67 = add i64 %62, %66
  %68 = zext i1 %65 to i64
  %rounded15 = sub i64 %67, %68
  br label %rate.done14

rate.done14:                                      ; preds = %rate.wide12, %rate.fast13
  %69 = phi i64 [ %rounded15, %rate.fast13 ], [ %61, %rate.wide12 ]
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
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f115 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 1
  %ctx.f105 = load ptr, ptr %2, align 8
  %result101 = alloca i64, align 8
  %result92 = alloca i64, align 8
  %found86 = alloca i64, align 8
  %acc85 = alloca i64, align 8
  %i84 = alloca i64, align 8
  %result80 = alloca i64, align 8
  %found73 = alloca i64, align 8
  %acc72 = alloca i64, align 8
  %i71 = alloca i64, align 8
  %result67 = alloca i64, align 8
  %found60 = alloca i64, align 8
  %acc59 = alloca i64, align 8
  %i58 = alloca i64, align 8
  %result54 = alloca i64, align 8
  %found45 = alloca i64, align 8
  %acc44 = alloca i64, align 8
  %i43 = alloca i64, align 8
  %result39 = alloca i64, align 8
  %found29 = alloca i64, align 8
  %acc28 = alloca i64, align 8
  %i27 = alloca i64, align 8
  %result23 = alloca i64, align 8
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
  br label %branch25

branch:                                           ; preds = %entry
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %8 = load i64, ptr %i, align 4
  %9 = icmp slt i64 %8, %ctx.f
  br i1 %9, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %10 = mul i64 %8, 4
  %11 = getelementptr i64, ptr %ctx.f15, i64 %10
  %12 = getelementptr i64, ptr %11, i64 1
  %13 = load i64, ptr %12, align 4
  %14 = getelementptr i64, ptr %ctx.f16, i64 0
  %15 = load i64, ptr %14, align 4
  %16 = icmp sle i64 %13, %15
  %17 = zext i1 %16 to i64
  %18 = icmp ne i64 %17, 0
  br i1 %18, label %rhs, label %logic

agg.next:                                         ; preds = %ok21, %logic
  %19 = load i64, ptr %i, align 4
  %20 = add i64 %19, 1
  store i64 %20, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %21 = load i64, ptr %found, align 4
  %22 = load i64, ptr %acc, align 4
  %23 = icmp ne i64 %21, 0
  br i1 %23, label %agg.end, label %agg.default

rhs:                                              ; preds = %agg.body
  %24 = getelementptr i64, ptr %11, i64 2
  %25 = load i64, ptr %24, align 4
  %26 = icmp ne i64 %25, -9223372036854775808
  %27 = zext i1 %26 to i64
  %28 = icmp eq i64 %27, 0
  %29 = zext i1 %28 to i64
  %30 = icmp ne i64 %29, 0
  br i1 %30, label %logic18, label %rhs17

logic:                                            ; preds = %logic18, %agg.body
  %31 = phi i64 [ 0, %agg.body ], [ %40, %logic18 ]
  %32 = icmp ne i64 %31, 0
  br i1 %32, label %agg.yes, label %agg.next

rhs17:                                            ; preds = %rhs
  %33 = getelementptr i64, ptr %ctx.f16, i64 0
  %34 = load i64, ptr %33, align 4
  %35 = getelementptr i64, ptr %11, i64 2
  %36 = load i64, ptr %35, align 4
  %37 = icmp eq i64 %36, -9223372036854775808
  br i1 %37, label %fail, label %ok

logic18:                                          ; preds = %ok, %rhs
  %38 = phi i64 [ 1, %rhs ], [ %44, %ok ]
  %39 = icmp ne i64 %38, 0
  %40 = zext i1 %39 to i64
  br label %logic

fail:                                             ; preds = %rhs17
  call void @polrt_fail(ptr %0, i64 4, i64 6)
  unreachable

ok:                                               ; preds = %rhs17
  %41 = icmp sle i64 %34, %36
  %42 = zext i1 %41 to i64
  %43 = icmp ne i64 %42, 0
  %44 = zext i1 %43 to i64
  br label %logic18

agg.yes:                                          ; preds = %logic
  %45 = load i64, ptr %acc, align 4
  %46 = icmp slt i64 %ctx.f19, 9223372036854775807
  %47 = icmp sge i64 %ctx.f19, 20089
  %48 = and i1 %47, %46
  %49 = select i1 %48, i64 0, i64 -1
  %50 = icmp slt i64 %49, 0
  br i1 %50, label %fail20, label %ok21

fail20:                                           ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

ok21:                                             ; preds = %agg.yes
  %51 = getelementptr i64, ptr %11, i64 0
  %52 = load i64, ptr %51, align 4
  %53 = add i64 %49, %52
  %54 = getelementptr i64, ptr %ctx.f22, i64 %53
  %55 = load i64, ptr %54, align 4
  %56 = load i64, ptr %acc, align 4
  %57 = load i64, ptr %found, align 4
  %58 = icmp sgt i64 %55, %56
  %59 = icmp eq i64 %57, 0
  %60 = or i1 %59, %58
  %61 = select i1 %60, i64 %55, i64 %56
  store i64 %61, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %62 = phi i64 [ %22, %agg.done ], [ 0, %agg.default ]
  store i64 %62, ptr %result, align 4
  br label %done

done24:                                           ; preds = %agg.end37
  %value38 = load i64, ptr %result23, align 4
  store i64 %value38, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  br label %branch41

branch25:                                         ; preds = %done
  store i64 0, ptr %i27, align 4
  store i64 0, ptr %acc28, align 4
  store i64 0, ptr %found29, align 4
  br label %agg.head30

next26:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

agg.head30:                                       ; preds = %agg.next32, %branch25
  %63 = load i64, ptr %i27, align 4
  %64 = icmp slt i64 %63, %ctx.f
  br i1 %64, label %agg.body31, label %agg.done33

agg.body31:                                       ; preds = %agg.head30
  %65 = mul i64 %63, 4
  %66 = getelementptr i64, ptr %ctx.f15, i64 %65
  %67 = load i64, ptr %acc28, align 4
  %68 = icmp slt i64 %ctx.f19, 9223372036854775807
  %69 = icmp sge i64 %ctx.f19, 20089
  %70 = and i1 %69, %68
  %71 = select i1 %70, i64 0, i64 -1
  %72 = icmp slt i64 %71, 0
  br i1 %72, label %fail34, label %ok35

agg.next32:                                       ; preds = %ok35
  %73 = load i64, ptr %i27, align 4
  %74 = add i64 %73, 1
  store i64 %74, ptr %i27, align 4
  br label %agg.head30

agg.done33:                                       ; preds = %agg.head30
  %75 = load i64, ptr %found29, align 4
  %76 = load i64, ptr %acc28, align 4
  %77 = icmp ne i64 %75, 0
  br i1 %77, label %agg.end37, label %agg.default36

fail34:                                           ; preds = %agg.body31
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok35:                                             ; preds = %agg.body31
  %78 = getelementptr i64, ptr %66, i64 0
  %79 = load i64, ptr %78, align 4
  %80 = add i64 %71, %79
  %81 = getelementptr i64, ptr %ctx.f22, i64 %80
  %82 = load i64, ptr %81, align 4
  %83 = load i64, ptr %acc28, align 4
  %84 = load i64, ptr %found29, align 4
  %85 = icmp slt i64 %82, %83
  %86 = icmp eq i64 %84, 0
  %87 = or i1 %86, %85
  %88 = select i1 %87, i64 %82, i64 %83
  store i64 %88, ptr %acc28, align 4
  store i64 1, ptr %found29, align 4
  br label %agg.next32

agg.default36:                                    ; preds = %agg.done33
  br label %agg.end37

agg.end37:                                        ; preds = %agg.default36, %agg.done33
  %89 = phi i64 [ %76, %agg.done33 ], [ 0, %agg.default36 ]
  store i64 %89, ptr %result23, align 4
  br label %done24

done40:                                           ; preds = %agg.done49
  %value53 = load i64, ptr %result39, align 4
  store i64 %value53, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  br label %branch56

branch41:                                         ; preds = %done24
  store i64 0, ptr %i43, align 4
  store i64 0, ptr %acc44, align 4
  store i64 0, ptr %found45, align 4
  br label %agg.head46

next42:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

agg.head46:                                       ; preds = %agg.next48, %branch41
  %90 = load i64, ptr %i43, align 4
  %91 = icmp slt i64 %90, %ctx.f
  br i1 %91, label %agg.body47, label %agg.done49

agg.body47:                                       ; preds = %agg.head46
  %92 = mul i64 %90, 4
  %93 = getelementptr i64, ptr %ctx.f15, i64 %92
  %94 = getelementptr i64, ptr %93, i64 0
  %95 = load i64, ptr %94, align 4
  %96 = icmp ne i64 %95, 0
  %97 = zext i1 %96 to i64
  %98 = icmp ne i64 %97, 0
  br i1 %98, label %agg.yes50, label %agg.next48

agg.next48:                                       ; preds = %ok52, %agg.body47
  %99 = load i64, ptr %i43, align 4
  %100 = add i64 %99, 1
  store i64 %100, ptr %i43, align 4
  br label %agg.head46

agg.done49:                                       ; preds = %agg.head46
  %101 = load i64, ptr %acc44, align 4
  store i64 %101, ptr %result39, align 4
  br label %done40

agg.yes50:                                        ; preds = %agg.body47
  %102 = load i64, ptr %acc44, align 4
  %103 = getelementptr i64, ptr %93, i64 3
  %104 = load i64, ptr %103, align 4
  %105 = load i64, ptr %acc44, align 4
  %106 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %105, i64 %104)
  %v = extractvalue { i64, i1 } %106, 0
  %ovf = extractvalue { i64, i1 } %106, 1
  br i1 %ovf, label %fail51, label %ok52

fail51:                                           ; preds = %agg.yes50
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok52:                                             ; preds = %agg.yes50
  store i64 %v, ptr %acc44, align 4
  br label %agg.next48

done55:                                           ; preds = %agg.done64
  %value66 = load i64, ptr %result54, align 4
  store i64 %value66, ptr %memo5, align 4
  store i64 1, ptr %memo.done6, align 4
  br label %branch69

branch56:                                         ; preds = %done40
  store i64 0, ptr %i58, align 4
  store i64 0, ptr %acc59, align 4
  store i64 0, ptr %found60, align 4
  br label %agg.head61

next57:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 23)
  unreachable

agg.head61:                                       ; preds = %agg.next63, %branch56
  %107 = load i64, ptr %i58, align 4
  %108 = icmp slt i64 %107, %ctx.f
  br i1 %108, label %agg.body62, label %agg.done64

agg.body62:                                       ; preds = %agg.head61
  %109 = mul i64 %107, 4
  %110 = getelementptr i64, ptr %ctx.f15, i64 %109
  %111 = getelementptr i64, ptr %110, i64 2
  %112 = load i64, ptr %111, align 4
  %113 = icmp ne i64 %112, -9223372036854775808
  %114 = zext i1 %113 to i64
  %115 = icmp ne i64 %114, 0
  br i1 %115, label %agg.yes65, label %agg.next63

agg.next63:                                       ; preds = %agg.yes65, %agg.body62
  %116 = load i64, ptr %i58, align 4
  %117 = add i64 %116, 1
  store i64 %117, ptr %i58, align 4
  br label %agg.head61

agg.done64:                                       ; preds = %agg.head61
  %118 = load i64, ptr %acc59, align 4
  store i64 %118, ptr %result54, align 4
  br label %done55

agg.yes65:                                        ; preds = %agg.body62
  %119 = load i64, ptr %acc59, align 4
  %120 = add i64 %119, 1
  store i64 %120, ptr %acc59, align 4
  br label %agg.next63

done68:                                           ; preds = %agg.done77
  %value79 = load i64, ptr %result67, align 4
  store i64 %value79, ptr %memo7, align 4
  store i64 1, ptr %memo.done8, align 4
  br label %branch82

branch69:                                         ; preds = %done55
  store i64 0, ptr %i71, align 4
  store i64 0, ptr %acc72, align 4
  store i64 0, ptr %found73, align 4
  br label %agg.head74

next70:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

agg.head74:                                       ; preds = %agg.next76, %branch69
  %121 = load i64, ptr %i71, align 4
  %122 = icmp slt i64 %121, %ctx.f
  br i1 %122, label %agg.body75, label %agg.done77

agg.body75:                                       ; preds = %agg.head74
  %123 = mul i64 %121, 4
  %124 = getelementptr i64, ptr %ctx.f15, i64 %123
  %125 = getelementptr i64, ptr %124, i64 0
  %126 = load i64, ptr %125, align 4
  %127 = icmp eq i64 %126, 1
  %128 = zext i1 %127 to i64
  %129 = icmp ne i64 %128, 0
  br i1 %129, label %agg.yes78, label %agg.next76

agg.next76:                                       ; preds = %agg.body75
  %130 = load i64, ptr %i71, align 4
  %131 = add i64 %130, 1
  store i64 %131, ptr %i71, align 4
  br label %agg.head74

agg.done77:                                       ; preds = %agg.yes78, %agg.head74
  %132 = load i64, ptr %acc72, align 4
  store i64 %132, ptr %result67, align 4
  br label %done68

agg.yes78:                                        ; preds = %agg.body75
  %133 = load i64, ptr %acc72, align 4
  store i64 1, ptr %acc72, align 4
  br label %agg.done77

done81:                                           ; preds = %agg.done90
  %value91 = load i64, ptr %result80, align 4
  store i64 %value91, ptr %memo9, align 4
  store i64 1, ptr %memo.done10, align 4
  br label %branch94

branch82:                                         ; preds = %done68
  store i64 0, ptr %i84, align 4
  store i64 1, ptr %acc85, align 4
  store i64 0, ptr %found86, align 4
  br label %agg.head87

next83:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

agg.head87:                                       ; preds = %agg.next89, %branch82
  %134 = load i64, ptr %i84, align 4
  %135 = icmp slt i64 %134, %ctx.f
  br i1 %135, label %agg.body88, label %agg.done90

agg.body88:                                       ; preds = %agg.head87
  %136 = mul i64 %134, 4
  %137 = getelementptr i64, ptr %ctx.f15, i64 %136
  %138 = getelementptr i64, ptr %137, i64 2
  %139 = load i64, ptr %138, align 4
  %140 = icmp ne i64 %139, -9223372036854775808
  %141 = zext i1 %140 to i64
  %142 = icmp ne i64 %141, 0
  br i1 %142, label %agg.next89, label %agg.no

agg.next89:                                       ; preds = %agg.body88
  %143 = load i64, ptr %i84, align 4
  %144 = add i64 %143, 1
  store i64 %144, ptr %i84, align 4
  br label %agg.head87

agg.done90:                                       ; preds = %agg.no, %agg.head87
  %145 = load i64, ptr %acc85, align 4
  store i64 %145, ptr %result80, align 4
  br label %done81

agg.no:                                           ; preds = %agg.body88
  store i64 0, ptr %acc85, align 4
  br label %agg.done90

done93:                                           ; preds = %logic97
  %value100 = load i64, ptr %result92, align 4
  store i64 %value100, ptr %memo11, align 4
  store i64 1, ptr %memo.done12, align 4
  br label %branch103

branch94:                                         ; preds = %done81
  %146 = getelementptr i64, ptr %ctx.f16, i64 2
  %147 = load i64, ptr %146, align 4
  %148 = icmp ne i64 %147, -9223372036854775808
  %149 = zext i1 %148 to i64
  %150 = icmp ne i64 %149, 0
  br i1 %150, label %rhs96, label %logic97

next95:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

rhs96:                                            ; preds = %branch94
  %151 = getelementptr i64, ptr %ctx.f16, i64 2
  %152 = load i64, ptr %151, align 4
  %153 = icmp eq i64 %152, -9223372036854775808
  br i1 %153, label %fail98, label %ok99

logic97:                                          ; preds = %ok99, %branch94
  %154 = phi i64 [ 0, %branch94 ], [ %160, %ok99 ]
  store i64 %154, ptr %result92, align 4
  br label %done93

fail98:                                           ; preds = %rhs96
  call void @polrt_fail(ptr %0, i64 4, i64 36)
  unreachable

ok99:                                             ; preds = %rhs96
  %155 = getelementptr i64, ptr %ctx.f16, i64 0
  %156 = load i64, ptr %155, align 4
  %157 = icmp sge i64 %152, %156
  %158 = zext i1 %157 to i64
  %159 = icmp ne i64 %158, 0
  %160 = zext i1 %159 to i64
  br label %logic97

done102:                                          ; preds = %endif
  %value114 = load i64, ptr %result101, align 4
  store i64 %value114, ptr %memo13, align 4
  store i64 1, ptr %memo.done14, align 4
  %161 = getelementptr i64, ptr %ctx.f115, i64 0
  store i64 %value, ptr %161, align 4
  %162 = getelementptr i64, ptr %ctx.f115, i64 1
  store i64 %value38, ptr %162, align 4
  %163 = getelementptr i64, ptr %ctx.f115, i64 2
  store i64 %value53, ptr %163, align 4
  %164 = getelementptr i64, ptr %ctx.f115, i64 3
  store i64 %value66, ptr %164, align 4
  %165 = getelementptr i64, ptr %ctx.f115, i64 4
  store i64 %value79, ptr %165, align 4
  %166 = getelementptr i64, ptr %ctx.f115, i64 5
  store i64 %value91, ptr %166, align 4
  %167 = getelementptr i64, ptr %ctx.f115, i64 6
  store i64 %value100, ptr %167, align 4
  %168 = getelementptr i64, ptr %ctx.f115, i64 7
  store i64 %value114, ptr %168, align 4
  ret i64 0

branch103:                                        ; preds = %done93
  %169 = getelementptr i64, ptr %ctx.f105, i64 0
  %170 = load i64, ptr %169, align 4
  %171 = icmp ne i64 %170, 0
  br i1 %171, label %logic107, label %rhs106

next104:                                          ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 40)
  unreachable

rhs106:                                           ; preds = %branch103
  %172 = load i64, ptr %memo7, align 4
  %173 = icmp ne i64 %172, 0
  %174 = zext i1 %173 to i64
  br label %logic107

logic107:                                         ; preds = %rhs106, %branch103
  %175 = phi i64 [ 1, %branch103 ], [ %174, %rhs106 ]
  %176 = icmp ne i64 %175, 0
  br i1 %176, label %then, label %else

then:                                             ; preds = %logic107
  %177 = getelementptr i64, ptr %ctx.f16, i64 1
  %178 = load i64, ptr %177, align 4
  %179 = load i64, ptr %memo, align 4
  %180 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %178, i64 %179)
  %prod = extractvalue { i64, i1 } %180, 0
  %wide = extractvalue { i64, i1 } %180, 1
  %181 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %181, label %rate.wide, label %rate.fast

else:                                             ; preds = %logic107
  %182 = getelementptr i64, ptr %ctx.f16, i64 1
  %183 = load i64, ptr %182, align 4
  %184 = load i64, ptr %memo1, align 4
  %185 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %183, i64 %184)
  %prod108 = extractvalue { i64, i1 } %185, 0
  %wide109 = extractvalue { i64, i1 } %185, 1
  %186 = call i1 @llvm.expect.i1(i1 %wide109, i1 false)
  br i1 %186, label %rate.wide110, label %rate.fast111

endif:                                            ; preds = %rate.done112, %rate.done
  %187 = phi i64 [ %196, %rate.done ], [ %205, %rate.done112 ]
  store i64 %187, ptr %result101, align 4
  br label %done102

rate.wide:                                        ; preds = %then
  %188 = call i64 @polrt_mul_rate(ptr %0, i64 %178, i64 %179, i64 44)
  br label %rate.done

rate.fast:                                        ; preds = %then
  %189 = sdiv i64 %prod, 1000000
  %190 = srem i64 %prod, 1000000
  %191 = icmp sge i64 %190, 500000
  %192 = icmp sle i64 %190, -500000
  %193 = zext i1 %191 to i64
  %194 = add i64 %189, %193
  %195 = zext i1 %192 to i64
  %rounded = sub i64 %194, %195
  br label %rate.done

rate.done:                                        ; preds = %rate.wide, %rate.fast
  %196 = phi i64 [ %rounded, %rate.fast ], [ %188, %rate.wide ]
  br label %endif

rate.wide110:                                     ; preds = %else
  %197 = call i64 @polrt_mul_rate(ptr %0, i64 %183, i64 %184, i64 46)
  br label %rate.done112

rate.fast111:                                     ; preds = %else
  %198 = sdiv i64 %prod108, 1000000
  %199 = srem i64 %prod108, 1000000
  %200 = icmp sge i64 %199, 500000
  %201 = icmp sle i64 %199, -500000
  %202 = zext i1 %200 to i64
  %203 = add i64 %198, %202
  %204 = zext i1 %201 to i64
  %rounded113 = sub i64 %203, %204
  br label %rate.done112

rate.done112:                                     ; preds = %rate.wide110, %rate.fast111
  %205 = phi i64 [ %rounded113, %rate.fast111 ], [ %197, %rate.wide110 ]
  br label %endif
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
