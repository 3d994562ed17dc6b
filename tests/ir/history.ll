; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr }

@polc_schema = constant [4361 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\B1\A5\E5\8E\86\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/history.pol\22,\22sha256\22:\2217299229794a73dbc885e9a09f5496ed2ab37cd60a0705c7f828c46a2405e830\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222025-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[{\22name\22:\22Identity\22,\22members\22:[{\22name\22:\22poor\22,\22label\22:\22\E5\BB\BA\E6\A1\A3\E7\AB\8B\E5\8D\A1\E8\B4\AB\E5\9B\B0\E4\BA\BA\E5\8F\A3\22},{\22name\22:\22tekun\22,\22label\22:\22\E7\89\B9\E5\9B\B0\E4\BA\BA\E5\91\98\22},{\22name\22:\22dibao\22,\22label\22:\22\E4\BD\8E\E4\BF\9D\E5\AF\B9\E8\B1\A1\22}]}],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22selfpay\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null},{\22name\22:\22filed\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null}],\22person\22:[{\22name\22:\22chronic\22,\22type\22:\22bool\22,\22label\22:null,\22default\22:0}],\22history\22:[{\22name\22:\22identity\22,\22type\22:\22enum:Identity\22,\22label\22:null,\22default\22:null},{\22name\22:\22from\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22to\22,\22type\22:\22date?\22,\22label\22:null,\22default\22:null},{\22name\22:\22amount\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22ledgers\22:[],\22outputs\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22rule\22:0},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22rule\22:1},{\22name\22:\22total\22,\22type\22:\22money\22,\22rule\22:2},{\22name\22:\22spans\22,\22type\22:\22int\22,\22rule\22:3},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22rule\22:4},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22rule\22:5},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22rule\22:6},{\22name\22:\22pay\22,\22type\22:\22money\22,\22rule\22:7}],\22params\22:[{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:\22Identity\22,\22cites\22:null,\22line\22:7,\22versions\22:[{\22from\22:\222025-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:3}]}],\22rules\22:[{\22name\22:\22best\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]},{\22name\22:\22worst\22,\22type\22:\22rate\22,\22cites\22:null,\22line\22:10,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:10}]},{\22name\22:\22total\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:11,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:11}]},{\22name\22:\22spans\22,\22type\22:\22int\22,\22cites\22:null,\22line\22:12,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:12}]},{\22name\22:\22any_tekun\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22all_closed\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22filed_ok\22,\22type\22:\22bool\22,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]},{\22name\22:\22pay\22,\22type\22:\22money\22,\22cites\22:null,\22line\22:16,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:16}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22ratio\22,\22line\22:7,\22col\22:7},{\22rule\22:\22best\22,\22line\22:8,\22col\22:6},{\22rule\22:\22best\22,\22line\22:8,\22col\22:19},{\22rule\22:\22best\22,\22line\22:8,\22col\22:23},{\22rule\22:\22best\22,\22line\22:8,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:73},{\22rule\22:\22best\22,\22line\22:9,\22col\22:84},{\22rule\22:\22best\22,\22line\22:9,\22col\22:52},{\22rule\22:\22best\22,\22line\22:9,\22col\22:56},{\22rule\22:\22best\22,\22line\22:9,\22col\22:64},{\22rule\22:\22best\22,\22line\22:9,\22col\22:29},{\22rule\22:\22best\22,\22line\22:9,\22col\22:39},{\22rule\22:\22best\22,\22line\22:9,\22col\22:98},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:6},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:20},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:24},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:30},{\22rule\22:\22worst\22,\22line\22:10,\22col\22:70},{\22rule\22:\22total\22,\22line\22:11,\22col\22:6},{\22rule\22:\22total\22,\22line\22:11,\22col\22:21},{\22rule\22:\22total\22,\22line\22:11,\22col\22:25},{\22rule\22:\22total\22,\22line\22:11,\22col\22:60},{\22rule\22:\22total\22,\22line\22:11,\22col\22:74},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:6},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:19},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:47},{\22rule\22:\22spans\22,\22line\22:12,\22col\22:55},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:6},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:24},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:50},{\22rule\22:\22any_tekun\22,\22line\22:13,\22col\22:63},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:6},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:25},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:51},{\22rule\22:\22all_closed\22,\22line\22:14,\22col\22:59},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:6},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:48},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:63},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:23},{\22rule\22:\22filed_ok\22,\22line\22:15,\22col\22:31},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:6},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:19},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:40},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:22},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:55},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:71},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:81},{\22rule\22:\22pay\22,\22line\22:16,\22col\22:97}]}\00"
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

; Function Attrs: noinline
define i64 @polc_rule_0(ptr %0) #1 {
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
  %ctx.f16 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f16, i64 0
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f17 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f17, i64 0
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 1)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = getelementptr i64, ptr %19, i64 1
  %21 = load i64, ptr %20, align 4
  %22 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %22, align 8
  %23 = getelementptr i64, ptr %ctx.f5, i64 0
  %24 = load i64, ptr %23, align 4
  %25 = icmp sle i64 %21, %24
  %26 = zext i1 %25 to i64
  %27 = icmp ne i64 %26, 0
  br i1 %27, label %rhs, label %logic

agg.next:                                         ; preds = %traced, %logic
  %28 = load i64, ptr %i, align 4
  %29 = add i64 %28, 1
  store i64 %29, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %30 = load i64, ptr %found, align 4
  %31 = load i64, ptr %acc, align 4
  %32 = icmp ne i64 %30, 0
  br i1 %32, label %agg.end, label %agg.default

rhs:                                              ; preds = %agg.body
  %33 = getelementptr i64, ptr %19, i64 2
  %34 = load i64, ptr %33, align 4
  %35 = icmp ne i64 %34, -9223372036854775808
  %36 = zext i1 %35 to i64
  %37 = icmp eq i64 %36, 0
  %38 = zext i1 %37 to i64
  %39 = icmp ne i64 %38, 0
  br i1 %39, label %logic7, label %rhs6

logic:                                            ; preds = %logic7, %agg.body
  %40 = phi i64 [ 0, %agg.body ], [ %50, %logic7 ]
  %41 = icmp ne i64 %40, 0
  br i1 %41, label %agg.yes, label %agg.next

rhs6:                                             ; preds = %rhs
  %42 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f8 = load ptr, ptr %42, align 8
  %43 = getelementptr i64, ptr %ctx.f8, i64 0
  %44 = load i64, ptr %43, align 4
  %45 = getelementptr i64, ptr %19, i64 2
  %46 = load i64, ptr %45, align 4
  %47 = icmp eq i64 %46, -9223372036854775808
  br i1 %47, label %fail, label %ok

logic7:                                           ; preds = %ok, %rhs
  %48 = phi i64 [ 1, %rhs ], [ %54, %ok ]
  %49 = icmp ne i64 %48, 0
  %50 = zext i1 %49 to i64
  br label %logic

fail:                                             ; preds = %rhs6
  call void @polrt_fail(ptr %0, i64 4, i64 6)
  unreachable

ok:                                               ; preds = %rhs6
  %51 = icmp sle i64 %44, %46
  %52 = zext i1 %51 to i64
  %53 = icmp ne i64 %52, 0
  %54 = zext i1 %53 to i64
  br label %logic7

agg.yes:                                          ; preds = %logic
  %55 = load i64, ptr %acc, align 4
  %56 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f9 = load i64, ptr %56, align 4
  %57 = icmp slt i64 %ctx.f9, 9223372036854775807
  %58 = icmp sge i64 %ctx.f9, 20089
  %59 = and i1 %58, %57
  %60 = select i1 %59, i64 0, i64 -1
  %61 = select i1 %59, i64 0, i64 -1
  %62 = icmp slt i64 %60, 0
  br i1 %62, label %fail10, label %ok11

fail10:                                           ; preds = %agg.yes
  call void @polrt_fail(ptr %0, i64 6, i64 3)
  unreachable

ok11:                                             ; preds = %agg.yes
  %63 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f12 = load ptr, ptr %63, align 8
  %64 = getelementptr i64, ptr %ctx.f12, i64 0
  store i64 %61, ptr %64, align 4
  %65 = getelementptr i64, ptr %19, i64 0
  %66 = load i64, ptr %65, align 4
  %67 = add i64 %60, %66
  %68 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f13 = load ptr, ptr %68, align 8
  %69 = icmp ne ptr %ctx.f13, null
  br i1 %69, label %trace, label %traced

trace:                                            ; preds = %ok11
  %70 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %66, ptr %70, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok11
  %71 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f14 = load ptr, ptr %71, align 8
  %72 = getelementptr i64, ptr %ctx.f14, i64 %67
  %73 = load i64, ptr %72, align 4
  %74 = load i64, ptr %acc, align 4
  %75 = load i64, ptr %found, align 4
  %76 = icmp sgt i64 %73, %74
  %77 = icmp eq i64 %75, 0
  %78 = or i1 %77, %76
  %79 = select i1 %78, i64 %73, i64 %74
  store i64 %79, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %80 = phi i64 [ %31, %agg.done ], [ 0, %agg.default ]
  store i64 %80, ptr %result, align 4
  %81 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f15 = load ptr, ptr %81, align 8
  %82 = getelementptr i64, ptr %ctx.f15, i64 0
  store i64 0, ptr %82, align 4
  br label %done
}

; Function Attrs: noinline
define i64 @polc_rule_1(ptr %0) #1 {
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
  %ctx.f10 = load ptr, ptr %10, align 8
  %11 = getelementptr i64, ptr %ctx.f10, i64 1
  store i64 %value, ptr %11, align 4
  %12 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f11 = load ptr, ptr %12, align 8
  %13 = getelementptr i64, ptr %ctx.f11, i64 1
  store i64 2, ptr %13, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 13)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = load i64, ptr %acc, align 4
  %21 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %21, align 4
  %22 = icmp slt i64 %ctx.f5, 9223372036854775807
  %23 = icmp sge i64 %ctx.f5, 20089
  %24 = and i1 %23, %22
  %25 = select i1 %24, i64 0, i64 -1
  %26 = select i1 %24, i64 0, i64 -1
  %27 = icmp slt i64 %25, 0
  br i1 %27, label %fail, label %ok

agg.next:                                         ; preds = %traced
  %28 = load i64, ptr %i, align 4
  %29 = add i64 %28, 1
  store i64 %29, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %30 = load i64, ptr %found, align 4
  %31 = load i64, ptr %acc, align 4
  %32 = icmp ne i64 %30, 0
  br i1 %32, label %agg.end, label %agg.default

fail:                                             ; preds = %agg.body
  call void @polrt_fail(ptr %0, i64 6, i64 15)
  unreachable

ok:                                               ; preds = %agg.body
  %33 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %33, align 8
  %34 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %26, ptr %34, align 4
  %35 = getelementptr i64, ptr %19, i64 0
  %36 = load i64, ptr %35, align 4
  %37 = add i64 %25, %36
  %38 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 17
  %ctx.f7 = load ptr, ptr %38, align 8
  %39 = icmp ne ptr %ctx.f7, null
  br i1 %39, label %trace, label %traced

trace:                                            ; preds = %ok
  %40 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 %36, ptr %40, align 4
  br label %traced

traced:                                           ; preds = %trace, %ok
  %41 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f8 = load ptr, ptr %41, align 8
  %42 = getelementptr i64, ptr %ctx.f8, i64 %37
  %43 = load i64, ptr %42, align 4
  %44 = load i64, ptr %acc, align 4
  %45 = load i64, ptr %found, align 4
  %46 = icmp slt i64 %43, %44
  %47 = icmp eq i64 %45, 0
  %48 = or i1 %47, %46
  %49 = select i1 %48, i64 %43, i64 %44
  store i64 %49, ptr %acc, align 4
  store i64 1, ptr %found, align 4
  br label %agg.next

agg.default:                                      ; preds = %agg.done
  br label %agg.end

agg.end:                                          ; preds = %agg.default, %agg.done
  %50 = phi i64 [ %31, %agg.done ], [ 0, %agg.default ]
  store i64 %50, ptr %result, align 4
  %51 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f9 = load ptr, ptr %51, align 8
  %52 = getelementptr i64, ptr %ctx.f9, i64 1
  store i64 0, ptr %52, align 4
  br label %done
}

; Function Attrs: noinline
define i64 @polc_rule_2(ptr %0) #1 {
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
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 18)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = getelementptr i64, ptr %19, i64 0
  %21 = load i64, ptr %20, align 4
  %22 = icmp ne i64 %21, 0
  %23 = zext i1 %22 to i64
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %ok, %agg.body
  %25 = load i64, ptr %i, align 4
  %26 = add i64 %25, 1
  store i64 %26, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %27 = load i64, ptr %acc, align 4
  store i64 %27, ptr %result, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f5 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f5, i64 2
  store i64 0, ptr %29, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  %31 = getelementptr i64, ptr %19, i64 3
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

; Function Attrs: noinline
define i64 @polc_rule_3(ptr %0) #1 {
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
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 23)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = getelementptr i64, ptr %19, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = icmp ne i64 %21, -9223372036854775808
  %23 = zext i1 %22 to i64
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.yes, %agg.body
  %25 = load i64, ptr %i, align 4
  %26 = add i64 %25, 1
  store i64 %26, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.head
  %27 = load i64, ptr %acc, align 4
  store i64 %27, ptr %result, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f5 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f5, i64 3
  store i64 0, ptr %29, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  %31 = add i64 %30, 1
  store i64 %31, ptr %acc, align 4
  br label %agg.next
}

; Function Attrs: noinline
define i64 @polc_rule_4(ptr %0) #1 {
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
  store i64 0, ptr %i, align 4
  store i64 0, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 27)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = getelementptr i64, ptr %19, i64 0
  %21 = load i64, ptr %20, align 4
  %22 = icmp eq i64 %21, 1
  %23 = zext i1 %22 to i64
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %agg.yes, label %agg.next

agg.next:                                         ; preds = %agg.body
  %25 = load i64, ptr %i, align 4
  %26 = add i64 %25, 1
  store i64 %26, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.yes, %agg.head
  %27 = load i64, ptr %acc, align 4
  store i64 %27, ptr %result, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f5 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f5, i64 4
  store i64 0, ptr %29, align 4
  br label %done

agg.yes:                                          ; preds = %agg.body
  %30 = load i64, ptr %acc, align 4
  store i64 1, ptr %acc, align 4
  br label %agg.done
}

; Function Attrs: noinline
define i64 @polc_rule_5(ptr %0) #1 {
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
  store i64 0, ptr %i, align 4
  store i64 1, ptr %acc, align 4
  store i64 0, ptr %found, align 4
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 3
  %ctx.f3 = load i64, ptr %14, align 4
  %15 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 2
  %ctx.f4 = load ptr, ptr %15, align 8
  br label %agg.head

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 31)
  unreachable

agg.head:                                         ; preds = %agg.next, %branch
  %16 = load i64, ptr %i, align 4
  %17 = icmp slt i64 %16, %ctx.f3
  br i1 %17, label %agg.body, label %agg.done

agg.body:                                         ; preds = %agg.head
  %18 = mul i64 %16, 4
  %19 = getelementptr i64, ptr %ctx.f4, i64 %18
  %20 = getelementptr i64, ptr %19, i64 2
  %21 = load i64, ptr %20, align 4
  %22 = icmp ne i64 %21, -9223372036854775808
  %23 = zext i1 %22 to i64
  %24 = icmp ne i64 %23, 0
  br i1 %24, label %agg.next, label %agg.no

agg.next:                                         ; preds = %agg.body
  %25 = load i64, ptr %i, align 4
  %26 = add i64 %25, 1
  store i64 %26, ptr %i, align 4
  br label %agg.head

agg.done:                                         ; preds = %agg.no, %agg.head
  %27 = load i64, ptr %acc, align 4
  store i64 %27, ptr %result, align 4
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f5 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f5, i64 5
  store i64 0, ptr %29, align 4
  br label %done

agg.no:                                           ; preds = %agg.body
  store i64 0, ptr %acc, align 4
  br label %agg.done
}

; Function Attrs: noinline
define i64 @polc_rule_6(ptr %0) #1 {
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
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 2
  %16 = load i64, ptr %15, align 4
  %17 = icmp ne i64 %16, -9223372036854775808
  %18 = zext i1 %17 to i64
  %19 = icmp ne i64 %18, 0
  br i1 %19, label %rhs, label %logic

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 35)
  unreachable

rhs:                                              ; preds = %branch
  %20 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %20, align 8
  %21 = getelementptr i64, ptr %ctx.f4, i64 2
  %22 = load i64, ptr %21, align 4
  %23 = icmp eq i64 %22, -9223372036854775808
  br i1 %23, label %fail, label %ok

logic:                                            ; preds = %ok, %branch
  %24 = phi i64 [ 0, %branch ], [ %33, %ok ]
  store i64 %24, ptr %result, align 4
  %25 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f6 = load ptr, ptr %25, align 8
  %26 = getelementptr i64, ptr %ctx.f6, i64 6
  store i64 0, ptr %26, align 4
  br label %done

fail:                                             ; preds = %rhs
  call void @polrt_fail(ptr %0, i64 4, i64 36)
  unreachable

ok:                                               ; preds = %rhs
  %27 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %27, align 8
  %28 = getelementptr i64, ptr %ctx.f5, i64 0
  %29 = load i64, ptr %28, align 4
  %30 = icmp sge i64 %22, %29
  %31 = zext i1 %30 to i64
  %32 = icmp ne i64 %31, 0
  %33 = zext i1 %32 to i64
  br label %logic
}

; Function Attrs: noinline
define i64 @polc_rule_7(ptr %0) #1 {
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
  %14 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 1
  %ctx.f3 = load ptr, ptr %14, align 8
  %15 = getelementptr i64, ptr %ctx.f3, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = icmp ne i64 %16, 0
  br i1 %17, label %logic, label %rhs

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 40)
  unreachable

rhs:                                              ; preds = %branch
  %18 = call i64 @polc_rule_4(ptr %0)
  %19 = icmp ne i64 %18, 0
  %20 = zext i1 %19 to i64
  br label %logic

logic:                                            ; preds = %rhs, %branch
  %21 = phi i64 [ 1, %branch ], [ %20, %rhs ]
  %22 = icmp ne i64 %21, 0
  br i1 %22, label %then, label %else

then:                                             ; preds = %logic
  %23 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f4 = load ptr, ptr %23, align 8
  %24 = getelementptr i64, ptr %ctx.f4, i64 1
  %25 = load i64, ptr %24, align 4
  %26 = call i64 @polc_rule_0(ptr %0)
  %27 = call i64 @polrt_mul_rate(ptr %0, i64 %25, i64 %26, i64 44)
  br label %endif

else:                                             ; preds = %logic
  %28 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f5 = load ptr, ptr %28, align 8
  %29 = getelementptr i64, ptr %ctx.f5, i64 1
  %30 = load i64, ptr %29, align 4
  %31 = call i64 @polc_rule_1(ptr %0)
  %32 = call i64 @polrt_mul_rate(ptr %0, i64 %30, i64 %31, i64 46)
  br label %endif

endif:                                            ; preds = %else, %then
  %33 = phi i64 [ %27, %then ], [ %32, %else ]
  store i64 %33, ptr %result, align 4
  %34 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f6 = load ptr, ptr %34, align 8
  %35 = getelementptr i64, ptr %ctx.f6, i64 7
  store i64 0, ptr %35, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

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

define i64 @polc_check(ptr %0) {
entry:
  ret i64 -1
}

attributes #0 = { noreturn }
attributes #1 = { noinline }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
