; ModuleID = 'policy'
source_filename = "policy"

%PolCtx = type { ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr, ptr, ptr, ptr, i64, i64, i64, ptr, ptr, ptr, ptr }

@polc_schema = constant [2751 x i8] c"{\22schema_version\22:1,\22policy\22:\22\E5\8F\B0\E8\B4\A6\22,\22reform\22:null,\22source\22:null,\22file\22:\22tests/ir/ledger.pol\22,\22sha256\22:\2271135c2efa4b79d50ea7f8f6971f28e36604b61a01020734f1fcebb8ed4fcb41\22,\22compiler\22:\22polc 0.1.0\22,\22built\22:\221970-01-01T00:00:00Z\22,\22valid_from\22:\222017-01-01\22,\22valid_to\22:null,\22claim_date\22:\22discharged\22,\22enums\22:[],\22claim\22:[{\22name\22:\22discharged\22,\22type\22:\22date\22,\22label\22:null,\22default\22:null},{\22name\22:\22total\22,\22type\22:\22money\22,\22label\22:null,\22default\22:null}],\22person\22:[],\22history\22:[],\22ledgers\22:[{\22name\22:\22annual\22,\22key\22:\22year of claim.discharged\22,\22key_field\22:\22discharged\22,\22fields\22:[{\22name\22:\22own_paid\22,\22type\22:\22money\22},{\22name\22:\22visits\22,\22type\22:\22int\22},{\22name\22:\22largest\22,\22type\22:\22money\22}]},{\22name\22:\22life\22,\22key\22:\22lifetime\22,\22key_field\22:null,\22fields\22:[{\22name\22:\22paid\22,\22type\22:\22money\22}]}],\22outputs\22:[{\22name\22:\22basic\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:0},{\22name\22:\22own\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:1},{\22name\22:\22backstop\22,\22type\22:\22money\22,\22label\22:null,\22role\22:null,\22rule\22:2}],\22params\22:[{\22name\22:\22cap\22,\22type\22:\22money\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:5,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:0,\22width\22:1}]},{\22name\22:\22ratio\22,\22type\22:\22rate\22,\22brackets\22:false,\22index\22:null,\22cites\22:null,\22line\22:6,\22versions\22:[{\22from\22:\222017-01-01\22,\22to\22:null,\22offset\22:1,\22width\22:1}]}],\22rules\22:[{\22name\22:\22basic\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:13,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:13}]},{\22name\22:\22own\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:14,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:14}]},{\22name\22:\22backstop\22,\22type\22:\22money\22,\22label\22:null,\22cites\22:null,\22line\22:15,\22col\22:6,\22nargs\22:0,\22args\22:[],\22branches\22:[{\22name\22:\22default\22,\22cites\22:null,\22line\22:15}]}],\22rejects\22:[],\22locs\22:[{\22rule\22:\22cap\22,\22line\22:5,\22col\22:7},{\22rule\22:\22ratio\22,\22line\22:6,\22col\22:7},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:6},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:21},{\22rule\22:\22basic\22,\22line\22:13,\22col\22:35},{\22rule\22:\22own\22,\22line\22:14,\22col\22:6},{\22rule\22:\22own\22,\22line\22:14,\22col\22:23},{\22rule\22:\22own\22,\22line\22:14,\22col\22:37},{\22rule\22:\22own\22,\22line\22:14,\22col\22:44},{\22rule\22:\22own\22,\22line\22:14,\22col\22:48},{\22rule\22:\22own\22,\22line\22:14,\22col\22:54},{\22rule\22:\22own\22,\22line\22:14,\22col\22:19},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:6},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:24},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:38},{\22rule\22:\22backstop\22,\22line\22:15,\22col\22:46},{\22rule\22:\22annual\22,\22line\22:7,\22col\22:38},{\22rule\22:\22annual.own_paid\22,\22line\22:8,\22col\22:22},{\22rule\22:\22annual.own_paid\22,\22line\22:8,\22col\22:3},{\22rule\22:\22annual.visits\22,\22line\22:9,\22col\22:18},{\22rule\22:\22annual.visits\22,\22line\22:9,\22col\22:3},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:24},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:40},{\22rule\22:\22annual.largest\22,\22line\22:10,\22col\22:20},{\22rule\22:\22life.paid\22,\22line\22:12,\22col\22:41},{\22rule\22:\22life.paid\22,\22line\22:12,\22col\22:26}]}\00"
@polc_params = constant [3 x i64] [i64 300000, i64 800000, i64 0]
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
  %ctx.f6 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f5 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f4 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %4, align 4
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %5, align 8
  %result = alloca i64, align 8
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %6, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %7, align 8
  %8 = getelementptr i64, ptr %ctx.f, i64 0
  %9 = load i64, ptr %8, align 4
  %10 = icmp eq i64 %9, 2
  br i1 %10, label %cached, label %compute

cached:                                           ; preds = %entry
  %11 = getelementptr i64, ptr %ctx.f1, i64 0
  %12 = load i64, ptr %11, align 4
  ret i64 %12

compute:                                          ; preds = %entry
  %13 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 1, ptr %13, align 4
  br label %branch

done:                                             ; preds = %host.done
  %value = load i64, ptr %result, align 4
  %14 = getelementptr i64, ptr %ctx.f1, i64 0
  store i64 %value, ptr %14, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 0
  store i64 2, ptr %15, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %16 = getelementptr i64, ptr %ctx.f2, i64 1
  %17 = load i64, ptr %16, align 4
  %18 = icmp slt i64 %ctx.f3, 9223372036854775807
  %19 = icmp sge i64 %ctx.f3, 17167
  %20 = and i1 %19, %18
  %21 = select i1 %20, i64 1, i64 -1
  %22 = select i1 %20, i64 0, i64 -1
  %23 = icmp slt i64 %21, 0
  br i1 %23, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

ok:                                               ; preds = %branch
  %24 = getelementptr i64, ptr %ctx.f4, i64 1
  store i64 %22, ptr %24, align 4
  %25 = getelementptr i64, ptr %ctx.f5, i64 %21
  %26 = load i64, ptr %25, align 4
  %27 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %17, i64 %26)
  %prod = extractvalue { i64, i1 } %27, 0
  %wide = extractvalue { i64, i1 } %27, 1
  %28 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %28, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %rate.fast, %ok
  %29 = call i64 @polrt_mul_rate(ptr %0, i64 %17, i64 %26, i64 3)
  br label %host.done

rate.fast:                                        ; preds = %ok
  %30 = icmp slt i64 %prod, 0
  %31 = select i1 %30, i64 -500000, i64 500000
  %32 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %31)
  %v = extractvalue { i64, i1 } %32, 0
  %ovf = extractvalue { i64, i1 } %32, 1
  %33 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %33, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %34 = phi i64 [ %rounded, %round ], [ %29, %rate.wide ]
  store i64 %34, ptr %result, align 4
  %35 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 0, ptr %35, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_1(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f13 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f8 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f7 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 11
  %ctx.f6 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f3 = load i64, ptr %5, align 4
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %6, align 8
  %result = alloca i64, align 8
  %7 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %7, align 8
  %8 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %8, align 8
  %9 = getelementptr i64, ptr %ctx.f, i64 1
  %10 = load i64, ptr %9, align 4
  %11 = icmp eq i64 %10, 2
  br i1 %11, label %cached, label %compute

cached:                                           ; preds = %entry
  %12 = getelementptr i64, ptr %ctx.f1, i64 1
  %13 = load i64, ptr %12, align 4
  ret i64 %13

compute:                                          ; preds = %entry
  %14 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 1, ptr %14, align 4
  br label %branch

done:                                             ; preds = %ok12
  %value = load i64, ptr %result, align 4
  %15 = getelementptr i64, ptr %ctx.f1, i64 1
  store i64 %value, ptr %15, align 4
  %16 = getelementptr i64, ptr %ctx.f, i64 1
  store i64 2, ptr %16, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %17 = getelementptr i64, ptr %ctx.f2, i64 1
  %18 = load i64, ptr %17, align 4
  %19 = getelementptr i64, ptr %ctx.f, i64 0
  %20 = load i64, ptr %19, align 4
  %21 = icmp eq i64 %20, 2
  br i1 %21, label %memo.hit, label %memo.miss

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

memo.hit:                                         ; preds = %branch
  %22 = getelementptr i64, ptr %ctx.f1, i64 0
  %23 = load i64, ptr %22, align 4
  br label %memo

memo.miss:                                        ; preds = %branch
  %24 = call i64 @polc_rule_0(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %25 = phi i64 [ %23, %memo.hit ], [ %24, %memo.miss ]
  %26 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %18, i64 %25)
  %v = extractvalue { i64, i1 } %26, 0
  %ovf = extractvalue { i64, i1 } %26, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %memo
  call void @polrt_fail(ptr %0, i64 1, i64 6)
  unreachable

ok:                                               ; preds = %memo
  %27 = icmp slt i64 %ctx.f3, 9223372036854775807
  %28 = icmp sge i64 %ctx.f3, 17167
  %29 = and i1 %28, %27
  %30 = select i1 %29, i64 0, i64 -1
  %31 = select i1 %29, i64 0, i64 -1
  %32 = icmp slt i64 %30, 0
  br i1 %32, label %fail4, label %ok5

fail4:                                            ; preds = %ok
  call void @polrt_fail(ptr %0, i64 6, i64 9)
  unreachable

ok5:                                              ; preds = %ok
  %33 = getelementptr i64, ptr %ctx.f6, i64 0
  store i64 %31, ptr %33, align 4
  %34 = getelementptr i64, ptr %ctx.f7, i64 %30
  %35 = load i64, ptr %34, align 4
  %36 = getelementptr i64, ptr %ctx.f8, i64 0
  %37 = load i64, ptr %36, align 4
  %38 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %35, i64 %37)
  %v9 = extractvalue { i64, i1 } %38, 0
  %ovf10 = extractvalue { i64, i1 } %38, 1
  br i1 %ovf10, label %fail11, label %ok12

fail11:                                           ; preds = %ok5
  call void @polrt_fail(ptr %0, i64 1, i64 9)
  unreachable

ok12:                                             ; preds = %ok5
  %39 = icmp sgt i64 %v9, 0
  %40 = select i1 %39, i64 %v9, i64 0
  %41 = icmp slt i64 %v, %40
  %42 = select i1 %41, i64 %v, i64 %40
  store i64 %42, ptr %result, align 4
  %43 = getelementptr i64, ptr %ctx.f13, i64 1
  store i64 0, ptr %43, align 4
  br label %done
}

; Function Attrs: noinline optnone
define i64 @polc_rule_2(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 10
  %ctx.f10 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f2 = load ptr, ptr %2, align 8
  %result = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 8
  %ctx.f1 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 9
  %ctx.f = load ptr, ptr %4, align 8
  %5 = getelementptr i64, ptr %ctx.f, i64 2
  %6 = load i64, ptr %5, align 4
  %7 = icmp eq i64 %6, 2
  br i1 %7, label %cached, label %compute

cached:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f1, i64 2
  %9 = load i64, ptr %8, align 4
  ret i64 %9

compute:                                          ; preds = %entry
  %10 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 1, ptr %10, align 4
  br label %branch

done:                                             ; preds = %ok9
  %value = load i64, ptr %result, align 4
  %11 = getelementptr i64, ptr %ctx.f1, i64 2
  store i64 %value, ptr %11, align 4
  %12 = getelementptr i64, ptr %ctx.f, i64 2
  store i64 2, ptr %12, align 4
  ret i64 %value

branch:                                           ; preds = %compute
  %13 = getelementptr i64, ptr %ctx.f2, i64 1
  %14 = load i64, ptr %13, align 4
  %15 = getelementptr i64, ptr %ctx.f, i64 0
  %16 = load i64, ptr %15, align 4
  %17 = icmp eq i64 %16, 2
  br i1 %17, label %memo.hit, label %memo.miss

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable

memo.hit:                                         ; preds = %branch
  %18 = getelementptr i64, ptr %ctx.f1, i64 0
  %19 = load i64, ptr %18, align 4
  br label %memo

memo.miss:                                        ; preds = %branch
  %20 = call i64 @polc_rule_0(ptr %0)
  br label %memo

memo:                                             ; preds = %memo.miss, %memo.hit
  %21 = phi i64 [ %19, %memo.hit ], [ %20, %memo.miss ]
  %22 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %14, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %memo
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok:                                               ; preds = %memo
  %23 = getelementptr i64, ptr %ctx.f, i64 1
  %24 = load i64, ptr %23, align 4
  %25 = icmp eq i64 %24, 2
  br i1 %25, label %memo.hit3, label %memo.miss4

memo.hit3:                                        ; preds = %ok
  %26 = getelementptr i64, ptr %ctx.f1, i64 1
  %27 = load i64, ptr %26, align 4
  br label %memo5

memo.miss4:                                       ; preds = %ok
  %28 = call i64 @polc_rule_1(ptr %0)
  br label %memo5

memo5:                                            ; preds = %memo.miss4, %memo.hit3
  %29 = phi i64 [ %27, %memo.hit3 ], [ %28, %memo.miss4 ]
  %30 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v, i64 %29)
  %v6 = extractvalue { i64, i1 } %30, 0
  %ovf7 = extractvalue { i64, i1 } %30, 1
  br i1 %ovf7, label %fail8, label %ok9

fail8:                                            ; preds = %memo5
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok9:                                              ; preds = %memo5
  store i64 %v6, ptr %result, align 4
  %31 = getelementptr i64, ptr %ctx.f10, i64 2
  store i64 0, ptr %31, align 4
  br label %done
}

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(none)
declare i1 @llvm.expect.i1(i1, i1) #3

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64) #2

; Function Attrs: nocallback nofree nosync nounwind speculatable willreturn memory(none)
declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64) #2

; Function Attrs: noinline optnone
define i64 @polc_settle(ptr %0) #1 {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f18 = load ptr, ptr %1, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f13 = load ptr, ptr %2, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f9 = load ptr, ptr %3, align 8
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
  %15 = getelementptr i64, ptr %ctx.f, i64 1
  %16 = load i64, ptr %15, align 4
  %17 = icmp eq i64 %16, 2
  br i1 %17, label %memo.hit3, label %memo.miss4

memo.hit3:                                        ; preds = %memo
  %18 = getelementptr i64, ptr %ctx.f1, i64 1
  %19 = load i64, ptr %18, align 4
  br label %memo5

memo.miss4:                                       ; preds = %memo
  %20 = call i64 @polc_rule_1(ptr %0)
  br label %memo5

memo5:                                            ; preds = %memo.miss4, %memo.hit3
  %21 = phi i64 [ %19, %memo.hit3 ], [ %20, %memo.miss4 ]
  %22 = getelementptr i64, ptr %ctx.f2, i64 1
  store i64 %21, ptr %22, align 4
  %23 = getelementptr i64, ptr %ctx.f, i64 2
  %24 = load i64, ptr %23, align 4
  %25 = icmp eq i64 %24, 2
  br i1 %25, label %memo.hit6, label %memo.miss7

memo.hit6:                                        ; preds = %memo5
  %26 = getelementptr i64, ptr %ctx.f1, i64 2
  %27 = load i64, ptr %26, align 4
  br label %memo8

memo.miss7:                                       ; preds = %memo5
  %28 = call i64 @polc_rule_2(ptr %0)
  br label %memo8

memo8:                                            ; preds = %memo.miss7, %memo.hit6
  %29 = phi i64 [ %27, %memo.hit6 ], [ %28, %memo.miss7 ]
  %30 = getelementptr i64, ptr %ctx.f2, i64 2
  store i64 %29, ptr %30, align 4
  %31 = getelementptr i64, ptr %ctx.f9, i64 0
  %32 = load i64, ptr %31, align 4
  %33 = getelementptr i64, ptr %ctx.f, i64 1
  %34 = load i64, ptr %33, align 4
  %35 = icmp eq i64 %34, 2
  br i1 %35, label %memo.hit10, label %memo.miss11

memo.hit10:                                       ; preds = %memo8
  %36 = getelementptr i64, ptr %ctx.f1, i64 1
  %37 = load i64, ptr %36, align 4
  br label %memo12

memo.miss11:                                      ; preds = %memo8
  %38 = call i64 @polc_rule_1(ptr %0)
  br label %memo12

memo12:                                           ; preds = %memo.miss11, %memo.hit10
  %39 = phi i64 [ %37, %memo.hit10 ], [ %38, %memo.miss11 ]
  %40 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %32, i64 %39)
  %v = extractvalue { i64, i1 } %40, 0
  %ovf = extractvalue { i64, i1 } %40, 1
  br i1 %ovf, label %fail, label %ok

fail:                                             ; preds = %memo12
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok:                                               ; preds = %memo12
  %41 = getelementptr i64, ptr %ctx.f13, i64 0
  store i64 %v, ptr %41, align 4
  %42 = getelementptr i64, ptr %ctx.f9, i64 1
  %43 = load i64, ptr %42, align 4
  %44 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %43, i64 1)
  %v14 = extractvalue { i64, i1 } %44, 0
  %ovf15 = extractvalue { i64, i1 } %44, 1
  br i1 %ovf15, label %fail16, label %ok17

fail16:                                           ; preds = %ok
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok17:                                             ; preds = %ok
  %45 = getelementptr i64, ptr %ctx.f13, i64 1
  store i64 %v14, ptr %45, align 4
  %46 = getelementptr i64, ptr %ctx.f9, i64 2
  %47 = load i64, ptr %46, align 4
  %48 = getelementptr i64, ptr %ctx.f18, i64 1
  %49 = load i64, ptr %48, align 4
  %50 = icmp sgt i64 %47, %49
  %51 = select i1 %50, i64 %47, i64 %49
  %52 = getelementptr i64, ptr %ctx.f13, i64 2
  store i64 %51, ptr %52, align 4
  %53 = getelementptr i64, ptr %ctx.f9, i64 3
  %54 = load i64, ptr %53, align 4
  %55 = getelementptr i64, ptr %ctx.f, i64 0
  %56 = load i64, ptr %55, align 4
  %57 = icmp eq i64 %56, 2
  br i1 %57, label %memo.hit19, label %memo.miss20

memo.hit19:                                       ; preds = %ok17
  %58 = getelementptr i64, ptr %ctx.f1, i64 0
  %59 = load i64, ptr %58, align 4
  br label %memo21

memo.miss20:                                      ; preds = %ok17
  %60 = call i64 @polc_rule_0(ptr %0)
  br label %memo21

memo21:                                           ; preds = %memo.miss20, %memo.hit19
  %61 = phi i64 [ %59, %memo.hit19 ], [ %60, %memo.miss20 ]
  %62 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %54, i64 %61)
  %v22 = extractvalue { i64, i1 } %62, 0
  %ovf23 = extractvalue { i64, i1 } %62, 1
  br i1 %ovf23, label %fail24, label %ok25

fail24:                                           ; preds = %memo21
  call void @polrt_fail(ptr %0, i64 1, i64 24)
  unreachable

ok25:                                             ; preds = %memo21
  %63 = getelementptr i64, ptr %ctx.f13, i64 3
  store i64 %v22, ptr %63, align 4
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
  %21 = getelementptr i64, ptr %1, i64 1
  store i64 0, ptr %21, align 4
  ret void
}

define i64 @polc_check(ptr %0) {
entry:
  ret i64 -1
}

define i64 @polc_settle_fast(ptr %0) {
entry:
  %1 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 5
  %ctx.f49 = load ptr, ptr %1, align 8
  %result24 = alloca i64, align 8
  %2 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 4
  %ctx.f18 = load ptr, ptr %2, align 8
  %result8 = alloca i64, align 8
  %3 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 6
  %ctx.f7 = load ptr, ptr %3, align 8
  %4 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 7
  %ctx.f6 = load ptr, ptr %4, align 8
  %5 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 12
  %ctx.f5 = load i64, ptr %5, align 4
  %6 = getelementptr inbounds %PolCtx, ptr %0, i32 0, i32 0
  %ctx.f = load ptr, ptr %6, align 8
  %result = alloca i64, align 8
  %memo.done4 = alloca i64, align 8
  %memo3 = alloca i64, align 8
  %memo.done2 = alloca i64, align 8
  %memo1 = alloca i64, align 8
  %memo.done = alloca i64, align 8
  %memo = alloca i64, align 8
  store i64 0, ptr %memo.done, align 4
  store i64 0, ptr %memo.done2, align 4
  store i64 0, ptr %memo.done4, align 4
  br label %branch

done:                                             ; preds = %host.done
  %value = load i64, ptr %result, align 4
  store i64 %value, ptr %memo, align 4
  store i64 1, ptr %memo.done, align 4
  %7 = getelementptr i64, ptr %ctx.f7, i64 0
  store i64 %value, ptr %7, align 4
  br label %branch10

branch:                                           ; preds = %entry
  %8 = getelementptr i64, ptr %ctx.f, i64 1
  %9 = load i64, ptr %8, align 4
  %10 = icmp slt i64 %ctx.f5, 9223372036854775807
  %11 = icmp sge i64 %ctx.f5, 17167
  %12 = and i1 %11, %10
  %13 = select i1 %12, i64 1, i64 -1
  %14 = icmp slt i64 %13, 0
  br i1 %14, label %fail, label %ok

next:                                             ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 2)
  unreachable

fail:                                             ; preds = %branch
  call void @polrt_fail(ptr %0, i64 6, i64 4)
  unreachable

ok:                                               ; preds = %branch
  %15 = getelementptr i64, ptr %ctx.f6, i64 %13
  %16 = load i64, ptr %15, align 4
  %17 = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %9, i64 %16)
  %prod = extractvalue { i64, i1 } %17, 0
  %wide = extractvalue { i64, i1 } %17, 1
  %18 = call i1 @llvm.expect.i1(i1 %wide, i1 false)
  br i1 %18, label %rate.wide, label %rate.fast

rate.wide:                                        ; preds = %rate.fast, %ok
  %19 = call i64 @polrt_mul_rate(ptr %0, i64 %9, i64 %16, i64 3)
  br label %host.done

rate.fast:                                        ; preds = %ok
  %20 = icmp slt i64 %prod, 0
  %21 = select i1 %20, i64 -500000, i64 500000
  %22 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %prod, i64 %21)
  %v = extractvalue { i64, i1 } %22, 0
  %ovf = extractvalue { i64, i1 } %22, 1
  %23 = call i1 @llvm.expect.i1(i1 %ovf, i1 false)
  br i1 %23, label %rate.wide, label %round

round:                                            ; preds = %rate.fast
  %rounded = sdiv i64 %v, 1000000
  br label %host.done

host.done:                                        ; preds = %rate.wide, %round
  %24 = phi i64 [ %rounded, %round ], [ %19, %rate.wide ]
  store i64 %24, ptr %result, align 4
  br label %done

done9:                                            ; preds = %ok22
  %value23 = load i64, ptr %result8, align 4
  store i64 %value23, ptr %memo1, align 4
  store i64 1, ptr %memo.done2, align 4
  %25 = getelementptr i64, ptr %ctx.f7, i64 1
  store i64 %value23, ptr %25, align 4
  br label %branch26

branch10:                                         ; preds = %done
  %26 = getelementptr i64, ptr %ctx.f, i64 1
  %27 = load i64, ptr %26, align 4
  %28 = load i64, ptr %memo, align 4
  %29 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %27, i64 %28)
  %v12 = extractvalue { i64, i1 } %29, 0
  %ovf13 = extractvalue { i64, i1 } %29, 1
  br i1 %ovf13, label %fail14, label %ok15

next11:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 5)
  unreachable

fail14:                                           ; preds = %branch10
  call void @polrt_fail(ptr %0, i64 1, i64 6)
  unreachable

ok15:                                             ; preds = %branch10
  %30 = icmp slt i64 %ctx.f5, 9223372036854775807
  %31 = icmp sge i64 %ctx.f5, 17167
  %32 = and i1 %31, %30
  %33 = select i1 %32, i64 0, i64 -1
  %34 = icmp slt i64 %33, 0
  br i1 %34, label %fail16, label %ok17

fail16:                                           ; preds = %ok15
  call void @polrt_fail(ptr %0, i64 6, i64 9)
  unreachable

ok17:                                             ; preds = %ok15
  %35 = getelementptr i64, ptr %ctx.f6, i64 %33
  %36 = load i64, ptr %35, align 4
  %37 = getelementptr i64, ptr %ctx.f18, i64 0
  %38 = load i64, ptr %37, align 4
  %39 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %36, i64 %38)
  %v19 = extractvalue { i64, i1 } %39, 0
  %ovf20 = extractvalue { i64, i1 } %39, 1
  br i1 %ovf20, label %fail21, label %ok22

fail21:                                           ; preds = %ok17
  call void @polrt_fail(ptr %0, i64 1, i64 9)
  unreachable

ok22:                                             ; preds = %ok17
  %40 = icmp sgt i64 %v19, 0
  %41 = select i1 %40, i64 %v19, i64 0
  %42 = icmp slt i64 %v12, %41
  %43 = select i1 %42, i64 %v12, i64 %41
  store i64 %43, ptr %result8, align 4
  br label %done9

done25:                                           ; preds = %ok35
  %value36 = load i64, ptr %result24, align 4
  store i64 %value36, ptr %memo3, align 4
  store i64 1, ptr %memo.done4, align 4
  %44 = getelementptr i64, ptr %ctx.f7, i64 2
  store i64 %value36, ptr %44, align 4
  %45 = getelementptr i64, ptr %ctx.f18, i64 0
  %46 = load i64, ptr %45, align 4
  %47 = load i64, ptr %memo1, align 4
  %48 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %46, i64 %47)
  %v37 = extractvalue { i64, i1 } %48, 0
  %ovf38 = extractvalue { i64, i1 } %48, 1
  br i1 %ovf38, label %fail39, label %ok40

branch26:                                         ; preds = %done9
  %49 = getelementptr i64, ptr %ctx.f, i64 1
  %50 = load i64, ptr %49, align 4
  %51 = load i64, ptr %memo, align 4
  %52 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %50, i64 %51)
  %v28 = extractvalue { i64, i1 } %52, 0
  %ovf29 = extractvalue { i64, i1 } %52, 1
  br i1 %ovf29, label %fail30, label %ok31

next27:                                           ; No predecessors!
  call void @polrt_fail(ptr %0, i64 6, i64 12)
  unreachable

fail30:                                           ; preds = %branch26
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok31:                                             ; preds = %branch26
  %53 = load i64, ptr %memo1, align 4
  %54 = call { i64, i1 } @llvm.ssub.with.overflow.i64(i64 %v28, i64 %53)
  %v32 = extractvalue { i64, i1 } %54, 0
  %ovf33 = extractvalue { i64, i1 } %54, 1
  br i1 %ovf33, label %fail34, label %ok35

fail34:                                           ; preds = %ok31
  call void @polrt_fail(ptr %0, i64 1, i64 13)
  unreachable

ok35:                                             ; preds = %ok31
  store i64 %v32, ptr %result24, align 4
  br label %done25

fail39:                                           ; preds = %done25
  call void @polrt_fail(ptr %0, i64 1, i64 17)
  unreachable

ok40:                                             ; preds = %done25
  %55 = getelementptr i64, ptr %ctx.f18, i64 1
  %56 = load i64, ptr %55, align 4
  %57 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %56, i64 1)
  %v41 = extractvalue { i64, i1 } %57, 0
  %ovf42 = extractvalue { i64, i1 } %57, 1
  br i1 %ovf42, label %fail43, label %ok44

fail43:                                           ; preds = %ok40
  call void @polrt_fail(ptr %0, i64 1, i64 19)
  unreachable

ok44:                                             ; preds = %ok40
  %58 = getelementptr i64, ptr %ctx.f18, i64 2
  %59 = load i64, ptr %58, align 4
  %60 = getelementptr i64, ptr %ctx.f, i64 1
  %61 = load i64, ptr %60, align 4
  %62 = icmp sgt i64 %59, %61
  %63 = select i1 %62, i64 %59, i64 %61
  %64 = getelementptr i64, ptr %ctx.f18, i64 3
  %65 = load i64, ptr %64, align 4
  %66 = load i64, ptr %memo, align 4
  %67 = call { i64, i1 } @llvm.sadd.with.overflow.i64(i64 %65, i64 %66)
  %v45 = extractvalue { i64, i1 } %67, 0
  %ovf46 = extractvalue { i64, i1 } %67, 1
  br i1 %ovf46, label %fail47, label %ok48

fail47:                                           ; preds = %ok44
  call void @polrt_fail(ptr %0, i64 1, i64 24)
  unreachable

ok48:                                             ; preds = %ok44
  %68 = getelementptr i64, ptr %ctx.f49, i64 0
  store i64 %v37, ptr %68, align 4
  %69 = getelementptr i64, ptr %ctx.f49, i64 1
  store i64 %v41, ptr %69, align 4
  %70 = getelementptr i64, ptr %ctx.f49, i64 2
  store i64 %63, ptr %70, align 4
  %71 = getelementptr i64, ptr %ctx.f49, i64 3
  store i64 %v45, ptr %71, align 4
  ret i64 0
}

attributes #0 = { noreturn }
attributes #1 = { noinline optnone }
attributes #2 = { nocallback nofree nosync nounwind speculatable willreturn memory(none) }
attributes #3 = { nocallback nofree nosync nounwind willreturn memory(none) }
