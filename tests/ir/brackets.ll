; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [1323 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\88\86\E6\AE\B5\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/brackets.pol\22,\22sha256\22:\225647869ec48a7e169c992db2c8b1f28a6cbdd145e3f4281d672b63004e8ab2ef\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22d\22,\22enums\22:[],\22claim\22:[{\22name\22:\22d\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22remainder\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.d\22,\22key_field\22:\22d\22,\22fields\22:[{\22name\22:\22acc\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0}],\22params\22:[{\22name\22:\22segs\22,\22type\22:\22money\22,\22brackets\22:true,\22index\22:null,\22cites\22:\22DOMAIN.md\22,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:7}]}],\22rules\22:[{\22name\22:\22ci\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:8,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:8}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22segs\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:6},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:18},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:36},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:49},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:68},{\22rule\22:\22ci\22,\22line\22:8,\22col\22:86},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:62},{\22rule\22:\22annual.acc\22,\22line\22:7,\22col\22:48}]}\00"
@polc_params = constant [8 x i64] [i64 3, i64 500000, i64 600000, i64 5000000, i64 700000, i64 10000000, i64 800000, i64 0]
@polc.years = private unnamed_addr constant [429 x i32] [i32 256, i32 109, i32 730, i32 1280, i32 1095, i32 1716, i32 2304, i32 2082, i32 2703, i32 3324, i32 3840, i32 3689, i32 4311, i32 4864, i32 4676, i32 5297, i32 5888, i32 5662, i32 6284, i32 6905, i32 7424, i32 7270, i32 7891, i32 8448, i32 8257, i32 8878, i32 9472, i32 9243, i32 9864, i32 10486, i32 11008, i32 10851, i32 11472, i32 12032, i32 11837, i32 12459, i32 13056, i32 12824, i32 13445, i32 14066, i32 14592, i32 14432, i32 15053, i32 15616, i32 15418, i32 16039, i32 16640, i32 16405, i32 17026, i32 17647, i32 18176, i32 18012, i32 18634, i32 19200, i32 18999, i32 19620, i32 20224, i32 19985, i32 20607, i32 21228, i32 21760, i32 21593, i32 22214, i32 22784, i32 22580, i32 23201, i32 23808, i32 23566, i32 24187, i32 24809, i32 25344, i32 25174, i32 25795, i32 26368, i32 26160, i32 26782, i32 27392, i32 27147, i32 27768, i32 28389, i32 28928, i32 28755, i32 29376, i32 29952, i32 29741, i32 30362, i32 30976, i32 30728, i32 31349, i32 31970, i32 32512, i32 32335, i32 32957, i32 33536, i32 33322, i32 33943, i32 34560, i32 34308, i32 34930, i32 35551, i32 36096, i32 35916, i32 36537, i32 37120, i32 36903, i32 37524, i32 38144, i32 37889, i32 38510, i32 39132, i32 39680, i32 39497, i32 40118, i32 40704, i32 40483, i32 41105, i32 41726, i32 42240, i32 42091, i32 42712, i32 43264, i32 43078, i32 43699, i32 44288, i32 44064, i32 44685, i32 45307, i32 45824, i32 45672, i32 46293, i32 46848, i32 46658, i32 47280, i32 47872, i32 47645, i32 48266, i32 48887, i32 49408, i32 49253, i32 49874, i32 50432, i32 50239, i32 50860, i32 51456, i32 51226, i32 51847, i32 52468, i32 52992, i32 52833, i32 53455, i32 54016, i32 53820, i32 54441, i32 55040, i32 54806, i32 55428, i32 56049, i32 56576, i32 56414, i32 57035, i32 57600, i32 57401, i32 58022, i32 58624, i32 58387, i32 59008, i32 59630, i32 60160, i32 59995, i32 60616, i32 61184, i32 60981, i32 61603, i32 62208, i32 61968, i32 62589, i32 63210, i32 63744, i32 63576, i32 64197, i32 64768, i32 64562, i32 65183, i32 65792, i32 65549, i32 66170, i32 66791, i32 67328, i32 67156, i32 67778, i32 68352, i32 68143, i32 68764, i32 69376, i32 69129, i32 69751, i32 70372, i32 70912, i32 70737, i32 71358, i32 71936, i32 71724, i32 72345, i32 72960, i32 72710, i32 73331, i32 73953, i32 74496, i32 74318, i32 74939, i32 75520, i32 75304, i32 75926, i32 76544, i32 76291, i32 76912, i32 77533, i32 78080, i32 77899, i32 78520, i32 79104, i32 78885, i32 79506, i32 80128, i32 80640, i32 80493, i32 81114, i32 81664, i32 81479, i32 82101, i32 82688, i32 82466, i32 83087, i32 83708, i32 84224, i32 84074, i32 84695, i32 85248, i32 85060, i32 85681, i32 86272, i32 86047, i32 86668, i32 87289, i32 87808, i32 87654, i32 88276, i32 88832, i32 88641, i32 89262, i32 89856, i32 89627, i32 90249, i32 90870, i32 91392, i32 91235, i32 91856, i32 92416, i32 92222, i32 92843, i32 93440, i32 93208, i32 93829, i32 94451, i32 94976, i32 94816, i32 95437, i32 96000, i32 95802, i32 96424, i32 97024, i32 96789, i32 97410, i32 98031, i32 98560, i32 98397, i32 99018, i32 99584, i32 99383, i32 100004, i32 100608, i32 100370, i32 100991, i32 101612, i32 102144, i32 101977, i32 102598, i32 103168, i32 102963, i32 103584, i32 104192, i32 103949, i32 104571, i32 105192, i32 105728, i32 105557, i32 106178, i32 106752, i32 106544, i32 107165, i32 107776, i32 107530, i32 108151, i32 108773, i32 109312, i32 109138, i32 109759, i32 110336, i32 110124, i32 110746, i32 111360, i32 111111, i32 111732, i32 112353, i32 112896, i32 112719, i32 113340, i32 113920, i32 113705, i32 114326, i32 114944, i32 114692, i32 115313, i32 115934, i32 116480, i32 116299, i32 116921, i32 117504, i32 117286, i32 117907, i32 118528, i32 119040, i32 118894, i32 119515, i32 120064, i32 119880, i32 120501, i32 121088, i32 120867, i32 121488, i32 122109, i32 122624, i32 122474, i32 123096, i32 123648, i32 123461, i32 124082, i32 124672, i32 124447, i32 125069, i32 125690, i32 126208, i32 126055, i32 126676, i32 127232, i32 127042, i32 127663, i32 128256, i32 128028, i32 128649, i32 129271, i32 129792, i32 129636, i32 130257, i32 130816, i32 130622, i32 131244, i32 131840, i32 131609, i32 132230, i32 132851, i32 133376, i32 133217, i32 133838, i32 134400, i32 134203, i32 134824, i32 135424, i32 135190, i32 135811, i32 136432, i32 136960, i32 136797, i32 137419, i32 137984, i32 137784, i32 138405, i32 139008, i32 138770, i32 139392, i32 140013, i32 140544, i32 140378, i32 140999, i32 141568, i32 141365, i32 141986, i32 142592, i32 142351, i32 142972, i32 143594, i32 144128, i32 143959, i32 144580, i32 145152, i32 144945, i32 145567, i32 146176, i32 145932, i32 146553, i32 147174, i32 147712, i32 147540, i32 148161, i32 148736, i32 148526, i32 149147, i32 149760, i32 149513, i32 150134, i32 150755, i32 151296, i32 151120, i32 151742, i32 152320, i32 152107, i32 152728, i32 153344, i32 153093]
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
  %5 = sub i64 %4, -25567
  %6 = icmp uge i64 %5, 109573
  %7 = call i1 @llvm.expect.i1(i1 %6, i1 false)
  br i1 %7, label %year.call, label %year.table

year.table:                                       ; preds = %entry
  %8 = lshr i64 %5, 8
  %9 = getelementptr [429 x i32], ptr @polc.years, i64 0, i64 %8
  %10 = load i32, ptr %9, align 4
  %11 = zext i32 %10 to i64
  %12 = and i64 %11, 511
  %13 = and i64 %5, 255
  %14 = icmp uge i64 %13, %12
  %15 = lshr i64 %11, 9
  %16 = add i64 %15, 1900
  %17 = zext i1 %14 to i64
  %year = add i64 %16, %17
  br label %host.done

year.call:                                        ; preds = %entry
  %18 = call i64 @polrt_year_of(i64 %4)
  br label %host.done

host.done:                                        ; preds = %year.call, %year.table
  %19 = phi i64 [ %year, %year.table ], [ %18, %year.call ]
  %20 = getelementptr i64, ptr %1, i64 0
  store i64 %19, ptr %20, align 4
  ret void
}

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(none)
declare i1 @llvm.expect.i1(i1, i1) #3

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

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
