/* cg.c — IR to LLVM IR (LLVM-C 19). The rules are generated twice by the same code: traced
 * (polc_settle, one function per rule, context rules memoized in the PolCtx: the branch,
 * parameter version and table entry each rule used, for explanations) and untraced
 * (polc_settle_fast: one function, the rules in it where the lazy order first needs them,
 * the memo in locals; the same outputs, ledgers and failures, no bookkeeping); polc_keys and
 * polc_check as the other entry points, the schema and the default parameter table as
 * constant globals. Money is i64 fen; +, -, * and negation use the llvm.s*.with.overflow
 * intrinsics and fail through polrt_fail with the source position; money × rate and, in the
 * fast entry, progressive brackets are computed inline when the products fit in 64 bits;
 * other rounding and calendar arithmetic calls the runtime's helpers, the same functions the
 * interpreter calls, so all evaluators agree bit for bit. */
#include "cg.h"

#include <llvm-c/Analysis.h>
#include <stdio.h>
#include <stdlib.h>

#include "polrt.h"

/* PolCtx field numbers: the order of runtime/include/polrt.h, which is ABI */
enum {
    CTX_CLAIM,
    CTX_PERSON,
    CTX_HIST,
    CTX_NHIST,
    CTX_LEDGER_IN,
    CTX_LEDGER_OUT,
    CTX_OUT,
    CTX_PARAMS,
    CTX_RULE_VAL,
    CTX_RULE_STATE,
    CTX_BRANCH,
    CTX_PVER,
    CTX_ASOF,
    CTX_ERR_CODE,
    CTX_ERR_LOC,
    CTX_JMP,
    CTX_USER,
    CTX_PIDX,
    CTX_TRACE,
    CTX_NFIELDS
};

typedef struct Cg {
    const IrProgram *p;
    LLVMContextRef c;
    LLVMModuleRef m;
    LLVMBuilderRef b;
    LLVMTypeRef t_i64, t_i1, t_ptr, t_ctx, t_void;
    LLVMValueRef fn;         /* current function */
    LLVMBasicBlockRef entry; /* its entry block: allocas go here, so mem2reg promotes them */
    LLVMValueRef v_ctx;      /* the PolCtx * argument */
    LLVMValueRef *v_args;    /* the rule's arguments */
    LLVMValueRef v_span;     /* current history span (inside an aggregate) */
    LLVMValueRef v_span_i;   /* its index */
    LLVMValueRef v_field[CTX_NFIELDS]; /* ctx fields loaded in this function's entry block */
    int trace;                 /* generating the traced variant (polc_settle), else the fast one */
    LLVMValueRef *rule_fn;     /* per rule, of the variant being generated: rule_fns[trace] */
    LLVMValueRef *rule_fns[2]; /* [0] polc_rule_N.fast (internal), [1] polc_rule_N */
    LLVMTypeRef *rule_ty;      /* per rule, the same for both variants */
    LLVMValueRef host_fn[H_NHOST];
    LLVMTypeRef host_ty[H_NHOST];
    LLVMValueRef fail_fn, prog_fn, span_fn, call_fn, pick_fn; /* polrt_fail, _progressive,
                                                                 polrt_trace_* */
    LLVMTypeRef fail_ty, prog_ty, span_ty, call_ty, pick_ty;
    int names; /* name values (debug builds) */
    /* polc_settle_fast as one function (inline_rule): each rule's memo is a pair of locals,
     * and what codegen knows of them at the insertion point is avail */
    int inl;                   /* generating that function */
    LLVMValueRef *memo_v;      /* per rule: its value (alloca) */
    LLVMValueRef *memo_f;      /* per rule: 1 once computed on the path taken (alloca) */
    unsigned char *avail;      /* per rule, here: AV_NO, AV_MAYBE or AV_YES */
    unsigned char *wrote;      /* per rule: computed somewhere since the mark was last cleared */
    int copies, max_copies;    /* rule bodies emitted, and how many are allowed */
    int depth;                 /* rule bodies being emitted, one inside another */
    int too_big;               /* max_copies or MAX_INLINE_DEPTH exceeded: fall back */
    unsigned char *memo_worth; /* per rule with arguments: its calls are memoized by span */
    unsigned char *called;     /* per rule with arguments: 1 when the fast entry calls it (it
                                * reads no context rule), 0 when its body is inlined */
    LLVMValueRef years;        /* cg_year_of's table, made when first needed */
    const struct Frame *frame; /* the fast entry: the inlined call whose body is emitted */
    struct SpanMemo *smemo;    /* the fast entry: its span memos (span_memo_call) */
    int nsmemo;
} Cg;

/* a call of a rule with arguments inlined in the fast entry, for the span memo's keys: an
 * argument of its body (IR_ARG) is an expression of its caller's */
typedef struct Frame {
    IrNode *const *args;    /* the call's arguments, in the caller's frame */
    const struct Frame *up; /* the caller's frame (NULL: not inside an inlined call) */
    LLVMValueRef span_i;    /* the span the caller's code was at (v_span_i), or NULL */
} Frame;

/* the span memo's key of a call: the rule and its arguments written out */
#define SPAN_KEY_MAX 96
/* a policy's calls memoized by span; the others are evaluated at each use as before */
#define MAX_SPAN_MEMOS 32
/* spans 0 .. SPAN_MEMO_SPANS-1 are memoized (a bit each in one i64); a person with more
 * spans computes the others at each use */
#define SPAN_MEMO_SPANS 64
/* a rule whose body (with the bodies of the rules it calls) is fewer IR nodes than this is
 * evaluated again at each use: its test and store cost about what they save, and each memo
 * grows the function the optimiser works on. Medical assistance (held_in_year 15, is_ma 10,
 * ded_for 9 left out; ma_for 22, covers 70, total_for 75 kept): 514.1 -> 509.6 instructions a
 * claim, and polc build 1,655 -> 1,430 M instructions (1,022 M before the memo); at 30 (ma_for
 * left out too) 554.3 and 1,229 M (callgrind) */
#define SPAN_MEMO_MIN_COST 20

/* one call of a rule with arguments that read only the span, memoized per span: done has
 * bit i set once vals[i] holds the value for span i (vals[SPAN_MEMO_SPANS] is a scratch
 * slot for the spans past the last) */
typedef struct SpanMemo {
    int rule;
    char key[SPAN_KEY_MAX];
    LLVMValueRef done, vals; /* entry-block allocas: i64, [SPAN_MEMO_SPANS + 1 x i64] */
    int stored;              /* code that stores into it has been emitted */
} SpanMemo;

/* what the fast entry's code knows, at a point, of whether a rule has been computed on the
 * path that reached it: not on any path, on some, on every one */
enum { AV_NO, AV_MAYBE, AV_YES };

static const char *nm(Cg *cg, const char *s)
{
    return cg->names ? s : "";
}

static LLVMValueRef k64(Cg *cg, int64_t v)
{
    return LLVMConstInt(cg->t_i64, (unsigned long long)v, 1);
}

/* A field of the PolCtx, loaded once per function at the top of its entry block. Policy code
 * never changes the PolCtx, but LLVM cannot know that a store to an i64 array (a memo, an
 * output) or a call leaves it alone, so a load at each use would be repeated after every one
 * of them. */
static LLVMValueRef ctx_load(Cg *cg, int field)
{
    if (cg->v_field[field])
        return cg->v_field[field];
    LLVMTypeRef t =
        field == CTX_NHIST || field == CTX_ASOF || field == CTX_ERR_CODE || field == CTX_ERR_LOC
            ? cg->t_i64
            : cg->t_ptr;
    LLVMBuilderRef top = LLVMCreateBuilderInContext(cg->c);
    LLVMValueRef first = LLVMGetFirstInstruction(cg->entry);
    if (first)
        LLVMPositionBuilderBefore(top, first);
    else
        LLVMPositionBuilderAtEnd(top, cg->entry);
    LLVMValueRef p = LLVMBuildStructGEP2(top, cg->t_ctx, cg->v_ctx, (unsigned)field, "");
    cg->v_field[field] = LLVMBuildLoad2(top, t, p, nm(cg, "ctx.f"));
    LLVMDisposeBuilder(top);
    return cg->v_field[field];
}

/* &base[idx] for an i64 array */
static LLVMValueRef elem_ptr(Cg *cg, LLVMValueRef base, LLVMValueRef idx)
{
    return LLVMBuildGEP2(cg->b, cg->t_i64, base, &idx, 1, "");
}

static LLVMValueRef load_elem(Cg *cg, int field, LLVMValueRef idx)
{
    return LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, ctx_load(cg, field), idx), "");
}

static void store_elem(Cg *cg, int field, LLVMValueRef idx, LLVMValueRef v)
{
    LLVMBuildStore(cg->b, v, elem_ptr(cg, ctx_load(cg, field), idx));
}

static LLVMBasicBlockRef block(Cg *cg, const char *name)
{
    return LLVMAppendBasicBlockInContext(cg->c, cg->fn, nm(cg, name));
}

/* room for n i64 in the entry block */
static LLVMValueRef entry_array(Cg *cg, int n, const char *name)
{
    LLVMBuilderRef tmp = LLVMCreateBuilderInContext(cg->c);
    LLVMValueRef first = LLVMGetFirstInstruction(cg->entry);
    if (first)
        LLVMPositionBuilderBefore(tmp, first);
    else
        LLVMPositionBuilderAtEnd(tmp, cg->entry);
    LLVMValueRef a = n == 1 ? LLVMBuildAlloca(tmp, cg->t_i64, nm(cg, name))
                            : LLVMBuildArrayAlloca(tmp, cg->t_i64, k64(cg, n), nm(cg, name));
    LLVMDisposeBuilder(tmp);
    return a;
}

static LLVMValueRef entry_alloca(Cg *cg, const char *name)
{
    return entry_array(cg, 1, name);
}

/* polrt_fail(ctx, code, loc) does not return */
static void emit_fail(Cg *cg, int64_t code, int loc)
{
    LLVMValueRef args[3] = {cg->v_ctx, k64(cg, code), k64(cg, loc)};
    LLVMBuildCall2(cg->b, cg->fail_ty, cg->fail_fn, args, 3, "");
    LLVMBuildUnreachable(cg->b);
}

/* branch to a failure block when cond is true; continue in a fresh block */
static void fail_if(Cg *cg, LLVMValueRef cond, int64_t code, int loc)
{
    LLVMBasicBlockRef bad = block(cg, "fail"), ok = block(cg, "ok");
    LLVMBuildCondBr(cg->b, cond, bad, ok);
    LLVMPositionBuilderAtEnd(cg->b, bad);
    emit_fail(cg, code, loc);
    LLVMPositionBuilderAtEnd(cg->b, ok);
}

static LLVMValueRef to_i64(Cg *cg, LLVMValueRef i1)
{
    return LLVMBuildZExt(cg->b, i1, cg->t_i64, "");
}

static LLVMValueRef truth(Cg *cg, LLVMValueRef v)
{
    return LLVMBuildICmp(cg->b, LLVMIntNE, v, k64(cg, 0), "");
}

/* x op y with llvm.<intrinsic>.with.overflow: the value, and the overflow bit in *o */
static LLVMValueRef with_overflow(Cg *cg, const char *intrinsic, LLVMValueRef x, LLVMValueRef y,
                                  LLVMValueRef *o)
{
    unsigned id = LLVMLookupIntrinsicID(intrinsic, strlen(intrinsic));
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->m, id, &cg->t_i64, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->c, id, &cg->t_i64, 1);
    LLVMValueRef args[2] = {x, y};
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, f, args, 2, "");
    LLVMValueRef v = LLVMBuildExtractValue(cg->b, r, 0, nm(cg, "v"));
    *o = LLVMBuildExtractValue(cg->b, r, 1, nm(cg, "ovf"));
    return v;
}

static LLVMValueRef checked(Cg *cg, const char *intrinsic, LLVMValueRef x, LLVMValueRef y, int loc)
{
    LLVMValueRef o, v = with_overflow(cg, intrinsic, x, y, &o);
    fail_if(cg, o, POLRT_E_OVERFLOW, loc);
    return v;
}

static LLVMValueRef cg_expr(Cg *cg, const IrNode *n);

/* the value of a join: a from block ba, b from block bb */
static LLVMValueRef phi2(Cg *cg, LLVMValueRef a, LLVMBasicBlockRef ba, LLVMValueRef b,
                         LLVMBasicBlockRef bb)
{
    LLVMValueRef phi = LLVMBuildPhi(cg->b, cg->t_i64, "");
    LLVMValueRef vals[2] = {a, b};
    LLVMBasicBlockRef bbs[2] = {ba, bb};
    LLVMAddIncoming(phi, vals, bbs, 2);
    return phi;
}

/* the offset of the parameter version in force at ctx->asof: branchless selects over the
 * versions' date ranges (constants), then a failure when none covers the date; traced, the
 * version's index goes to ctx->pver */
static LLVMValueRef param_offset(Cg *cg, int pidx, int loc)
{
    const IrParam *ip = &cg->p->params[pidx];
    LLVMValueRef asof = ctx_load(cg, CTX_ASOF);
    LLVMValueRef off = k64(cg, -1), ver = k64(cg, -1);
    for (int i = 0; i < ip->nv; i++) {
        LLVMValueRef in =
            LLVMBuildAnd(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGE, asof, k64(cg, ip->v[i].from), ""),
                         LLVMBuildICmp(cg->b, LLVMIntSLT, asof, k64(cg, ip->v[i].to), ""), "");
        off = LLVMBuildSelect(cg->b, in, k64(cg, ip->v[i].offset), off, "");
        if (cg->trace)
            ver = LLVMBuildSelect(cg->b, in, k64(cg, i), ver, "");
    }
    fail_if(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, off, k64(cg, 0), ""), POLRT_E_NOVERSION, loc);
    if (cg->trace)
        store_elem(cg, CTX_PVER, k64(cg, pidx), ver);
    return off;
}

static LLVMValueRef call_host(Cg *cg, HostId h, LLVMValueRef *vals, int loc)
{
    LLVMValueRef args[4];
    int n = 0;
    if (ir_hosts[h].ctx)
        args[n++] = cg->v_ctx;
    for (int i = 0; i < ir_hosts[h].nargs; i++)
        args[n++] = vals[i];
    if (ir_hosts[h].ctx)
        args[n++] = k64(cg, loc);
    return LLVMBuildCall2(cg->b, cg->host_ty[h], cg->host_fn[h], args, (unsigned)n, "");
}

/* A helper emitted in line (the insertion point ends its path, with value v) and its call
 * in block b_call for what the in-line path leaves to it: the two joined, the value */
static LLVMValueRef or_call_host(Cg *cg, LLVMValueRef v, LLVMBasicBlockRef b_call, HostId h,
                                 LLVMValueRef *vals, int loc)
{
    LLVMBasicBlockRef v_end = LLVMGetInsertBlock(cg->b), done = block(cg, "host.done");
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, b_call);
    LLVMValueRef v_call = call_host(cg, h, vals, loc);
    LLVMBasicBlockRef call_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    return phi2(cg, v, v_end, v_call, call_end);
}

/* llvm.expect.i1(v, 0): v is rarely true (the pipeline turns it into branch weights) */
static LLVMValueRef unlikely(Cg *cg, LLVMValueRef v)
{
    static const char name[] = "llvm.expect";
    unsigned id = LLVMLookupIntrinsicID(name, sizeof name - 1);
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->m, id, &cg->t_i1, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->c, id, &cg->t_i1, 1);
    LLVMValueRef args[2] = {v, LLVMConstInt(cg->t_i1, 0, 0)};
    return LLVMBuildCall2(cg->b, ft, f, args, 2, "");
}

/* prod / 10^6 rounded half away from zero, what runtime/money.c's round_div does with that
 * constant divisor: prod moved half a unit away from zero, then divided with C's
 * truncation, which is a multiply and shifts. The move overflows only within half a unit
 * of INT64_MIN or INT64_MAX: then to block wide (the runtime's 128-bit path). 12
 * instructions after the multiply where the remainder, two compares and their sum were 17:
 * Panji's polc_settle_fast 229.6 -> 221.5 a claim, medical assistance's 847 -> 824
 * (callgrind, polc gen --persons 30000 --seed 1). */
static LLVMValueRef round_rate(Cg *cg, LLVMValueRef prod, LLVMBasicBlockRef wide)
{
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, prod, k64(cg, 0), "");
    LLVMValueRef half = LLVMBuildSelect(cg->b, neg, k64(cg, -(POLRT_RATE_ONE / 2)),
                                        k64(cg, POLRT_RATE_ONE / 2), "");
    LLVMValueRef o, moved = with_overflow(cg, "llvm.sadd.with.overflow", prod, half, &o);
    LLVMBasicBlockRef ok = block(cg, "round");
    LLVMBuildCondBr(cg->b, unlikely(cg, o), wide, ok);
    LLVMPositionBuilderAtEnd(cg->b, ok);
    return LLVMBuildSDiv(cg->b, moved, k64(cg, POLRT_RATE_ONE), nm(cg, "rounded"));
}

/* Money × rate and rate × rate (x × y / 10^6, rounded half away from zero to the fen or the
 * millionth), bit for bit what polrt_mul_rate and polrt_rate_mul_rate compute, without a call
 * on the common path. When x × y fits in 64 bits (an amount below 92 billion yuan at a rate
 * up to 100%) and so does x × y moved half a unit away from zero, the rounded quotient by
 * the constant 10^6 is a multiply and shifts (round_rate). Otherwise the helper computes it
 * in 128 bits and fails on overflow. tests/unit/test_money.c checks this formula, written
 * in C, against the helper. */
static LLVMValueRef cg_mul_rate(Cg *cg, HostId h, LLVMValueRef *vals, int loc)
{
    static const char name[] = "llvm.smul.with.overflow";
    unsigned id = LLVMLookupIntrinsicID(name, sizeof name - 1);
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->m, id, &cg->t_i64, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->c, id, &cg->t_i64, 1);
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, f, vals, 2, "");
    LLVMValueRef prod = LLVMBuildExtractValue(cg->b, r, 0, nm(cg, "prod"));
    LLVMValueRef wide = unlikely(cg, LLVMBuildExtractValue(cg->b, r, 1, nm(cg, "wide")));
    LLVMBasicBlockRef b_slow = block(cg, "rate.wide"), b_fast = block(cg, "rate.fast");
    LLVMBuildCondBr(cg->b, wide, b_slow, b_fast);

    LLVMPositionBuilderAtEnd(cg->b, b_fast);
    return or_call_host(cg, round_rate(cg, prod, b_slow), b_slow, h, vals, loc);
}

/* progressive(brackets, x) in the fast entry, bit for bit polrt_progressive's 64-bit path
 * without the call: seg = [n, lo_1, rate_1, ...] is read from the parameter table (a reform
 * replaces it), unrolled over the param's most brackets (its width), each bracket a block
 * that the first one starting at or above x (or past n) leaves for the rounding. At the
 * first overflow (an amount beyond 92 billion yuan) polrt_progressive computes it all again
 * in 128 bits, failing as it does. args: ctx, seg, x, loc. */
static LLVMValueRef cg_progressive(Cg *cg, const IrNode *n, LLVMValueRef *args)
{
    const IrParam *ip = &cg->p->params[n->a];
    int max = (ip->width - 1) / 2;
    LLVMValueRef seg = args[1], x = args[2];
    LLVMValueRef nb = LLVMBuildLoad2(cg->b, cg->t_i64, seg, "");
    LLVMBasicBlockRef sum_done = block(cg, "prog.sum"), wide = block(cg, "prog.wide"),
                      end = block(cg, "prog.end");
    LLVMValueRef *sums = malloc(sizeof *sums * (size_t)(max + 2));
    LLVMBasicBlockRef *from = malloc(sizeof *from * (size_t)(max + 2));
    int nin = 0;
    LLVMValueRef sum = k64(cg, 0);
    LLVMBasicBlockRef none = NULL; /* left before the first bracket: the amount is 0 */
    /* lo_i (loaded before the loop's first test, then carried) */
    LLVMValueRef lo =
        max > 0 ? LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, seg, k64(cg, 1)), "") : NULL;
    for (int i = 0; i < max; i++) {
        LLVMValueRef in = LLVMBuildAnd(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, k64(cg, i), nb, ""),
                                       LLVMBuildICmp(cg->b, LLVMIntSLT, lo, x, ""), "");
        LLVMBasicBlockRef body = block(cg, "prog.bracket");
        if (i == 0) {
            /* below the first bracket (most claims: the CI threshold) the sum is 0, and so
             * is its rounding, which this skips: Panji's polc_settle_fast 277.5 -> 241.6
             * instructions a claim (its two progressive() rounded a zero; callgrind,
             * polc gen --persons 30000 --seed 1) */
            none = LLVMGetInsertBlock(cg->b);
            LLVMBuildCondBr(cg->b, in, body, end);
        } else {
            sums[nin] = sum, from[nin++] = LLVMGetInsertBlock(cg->b);
            LLVMBuildCondBr(cg->b, in, body, sum_done);
        }
        LLVMPositionBuilderAtEnd(cg->b, body);
        LLVMValueRef rate =
            LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, seg, k64(cg, 2 + 2 * i)), "");
        LLVMValueRef top = x, next = NULL;
        if (i + 1 < max) {
            next =
                LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, seg, k64(cg, 1 + 2 * (i + 1))), "");
            LLVMValueRef more =
                LLVMBuildAnd(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, k64(cg, i + 1), nb, ""),
                             LLVMBuildICmp(cg->b, LLVMIntSLT, next, x, ""), "");
            top = LLVMBuildSelect(cg->b, more, next, x, "");
        }
        LLVMValueRef o1, o2, o3;
        LLVMValueRef part = with_overflow(cg, "llvm.ssub.with.overflow", top, lo, &o1);
        LLVMValueRef term = with_overflow(cg, "llvm.smul.with.overflow", part, rate, &o2);
        sum = with_overflow(cg, "llvm.sadd.with.overflow", sum, term, &o3);
        LLVMValueRef o = unlikely(cg, LLVMBuildOr(cg->b, LLVMBuildOr(cg->b, o1, o2, ""), o3, ""));
        LLVMBasicBlockRef ok = block(cg, "prog.ok");
        LLVMBuildCondBr(cg->b, o, wide, ok);
        LLVMPositionBuilderAtEnd(cg->b, ok);
        lo = next;
    }
    sums[nin] = sum, from[nin++] = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, sum_done);
    LLVMPositionBuilderAtEnd(cg->b, sum_done);
    LLVMValueRef total = LLVMBuildPhi(cg->b, cg->t_i64, "");
    LLVMAddIncoming(total, sums, from, (unsigned)nin);
    LLVMValueRef v_fast = round_rate(cg, total, wide);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, end);
    free(sums);
    free(from);

    LLVMPositionBuilderAtEnd(cg->b, wide);
    LLVMValueRef v_wide = LLVMBuildCall2(cg->b, cg->prog_ty, cg->prog_fn, args, 4, "");
    LLVMBasicBlockRef wide_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, end);
    LLVMPositionBuilderAtEnd(cg->b, end);
    LLVMValueRef v = phi2(cg, v_fast, fast_end, v_wide, wide_end);
    if (none) {
        LLVMValueRef zero = k64(cg, 0);
        LLVMAddIncoming(v, &zero, &none, 1);
    }
    return v;
}

/* ---- the fast entry as one function --------------------------------------------------
 * polc_settle_fast evaluates the rules exactly where, and in the order, the traced entry's
 * lazy memo would: a context rule's body is emitted at its first use, and every later use on
 * the same path reads the value. What differs is where the memo lives and who tests it: in
 * two locals per rule (which mem2reg turns into registers) instead of the PolCtx arrays, and
 * tested by the code generator where it can: it follows, construct by construct, which rules
 * are computed on every path to the insertion point (AV_YES: the value, no test), on none
 * (AV_NO: the body, no test) or on some (AV_MAYBE: the flag is tested, a copy of the body on
 * the path that has not computed it). The same order means the same first failure, so a rule
 * that fails only on a path the lazy order skips never fails a claim it settled; the same
 * values are computed, so the results are the traced entry's bit for bit. Rules with
 * arguments are inlined too (they have no memo of their own; inside an aggregate,
 * span_memo_call keeps a call's value per history span). */

/* a rule body emitted more often than this many times the number of rules (AV_MAYBE copies,
 * calls of rules with arguments) means a policy whose conditional uses multiply copies: its
 * fast entry is then made of one function per rule as before (cg_variant), which the
 * compile time would otherwise pay for */
#define MAX_COPIES_PER_RULE 8
/* rule bodies inside rule bodies: sema rejects cycles, so this only bounds a deep policy */
#define MAX_INLINE_DEPTH 64

static unsigned char *av_save(Cg *cg)
{
    unsigned char *a = malloc((size_t)cg->p->nrules + 1);
    memcpy(a, cg->avail, (size_t)cg->p->nrules);
    return a;
}

/* the state where the paths that reached with a and with cg->avail join, into cg->avail */
static void av_join(Cg *cg, const unsigned char *a)
{
    for (int r = 0; r < cg->p->nrules; r++)
        if (a[r] != cg->avail[r])
            cg->avail[r] = AV_MAYBE;
}

static void av_set(Cg *cg, const unsigned char *a)
{
    memcpy(cg->avail, a, (size_t)cg->p->nrules);
}

static LLVMValueRef rule_value(Cg *cg, int ridx, LLVMValueRef *args);

/* context rule ridx's body here: in no inlined call's frame (it has no arguments) */
static LLVMValueRef context_body(Cg *cg, int ridx)
{
    const Frame *f = cg->frame;
    cg->frame = NULL;
    LLVMValueRef v = rule_value(cg, ridx, NULL);
    cg->frame = f;
    return v;
}

/* context rule ridx's value at the insertion point of the fast entry */
static LLVMValueRef inline_rule(Cg *cg, int ridx)
{
    LLVMValueRef mv = cg->memo_v[ridx], mf = cg->memo_f[ridx];
    switch (cg->avail[ridx]) {
    case AV_YES: return LLVMBuildLoad2(cg->b, cg->t_i64, mv, "");
    case AV_NO: break;
    case AV_MAYBE: {
        LLVMValueRef f = LLVMBuildLoad2(cg->b, cg->t_i64, mf, "");
        LLVMBasicBlockRef miss = block(cg, "memo.miss"), done = block(cg, "memo");
        LLVMBuildCondBr(cg->b, truth(cg, f), done, miss);
        LLVMPositionBuilderAtEnd(cg->b, miss);
        unsigned char *before = av_save(cg);
        LLVMBuildStore(cg->b, context_body(cg, ridx), mv);
        LLVMBuildStore(cg->b, k64(cg, 1), mf);
        cg->wrote[ridx] = 1;
        LLVMBuildBr(cg->b, done);
        LLVMPositionBuilderAtEnd(cg->b, done);
        /* the rules the body computed are known on one side only */
        av_join(cg, before);
        free(before);
        cg->avail[ridx] = AV_YES;
        return LLVMBuildLoad2(cg->b, cg->t_i64, mv, "");
    }
    }
    LLVMValueRef v = context_body(cg, ridx);
    LLVMBuildStore(cg->b, v, mv);
    LLVMBuildStore(cg->b, k64(cg, 1), mf);
    cg->wrote[ridx] = 1;
    cg->avail[ridx] = AV_YES;
    return v;
}

/* A context rule's value: the memo when the rule has run for this claim, else a call that
 * computes (and memoizes) it. The test is made here, at the call site, because most uses of
 * a context rule find it computed (the outputs and the ledger updates read the same few
 * rules again and again), and a call to learn that cost more than the test. */
static LLVMValueRef call_context_rule(Cg *cg, int ridx)
{
    LLVMValueRef st = load_elem(cg, CTX_RULE_STATE, k64(cg, ridx));
    LLVMBasicBlockRef hit = block(cg, "memo.hit"), miss = block(cg, "memo.miss"),
                      done = block(cg, "memo");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, st, k64(cg, 2), ""), hit, miss);
    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMValueRef v_hit = load_elem(cg, CTX_RULE_VAL, k64(cg, ridx));
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef v_miss =
        LLVMBuildCall2(cg->b, cg->rule_ty[ridx], cg->rule_fn[ridx], &cg->v_ctx, 1, "");
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    return phi2(cg, v_hit, hit, v_miss, miss_end);
}

/* and/or: short-circuit, as in the interpreter (the right side may fail or be costly) */
static LLVMValueRef cg_logic(Cg *cg, const IrNode *n)
{
    LLVMValueRef l = cg_expr(cg, n->x);
    LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef rhs = block(cg, "rhs"), done = block(cg, "logic");
    if (n->op == IR_AND)
        LLVMBuildCondBr(cg->b, truth(cg, l), rhs, done);
    else
        LLVMBuildCondBr(cg->b, truth(cg, l), done, rhs);
    LLVMPositionBuilderAtEnd(cg->b, rhs);
    unsigned char *skipped = cg->inl ? av_save(cg) : NULL;
    LLVMValueRef r = to_i64(cg, truth(cg, cg_expr(cg, n->y)));
    LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    if (skipped) {
        av_join(cg, skipped);
        free(skipped);
    }
    return phi2(cg, k64(cg, n->op == IR_AND ? 0 : 1), from, r, rhs_end);
}

static LLVMValueRef cg_if(Cg *cg, const IrNode *n)
{
    LLVMValueRef c = cg_expr(cg, n->x);
    LLVMBasicBlockRef bt = block(cg, "then"), be = block(cg, "else"), done = block(cg, "endif");
    LLVMBuildCondBr(cg->b, truth(cg, c), bt, be);
    LLVMPositionBuilderAtEnd(cg->b, bt);
    unsigned char *cond = cg->inl ? av_save(cg) : NULL, *then = NULL;
    LLVMValueRef vt = cg_expr(cg, n->y);
    LLVMBasicBlockRef bt_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, be);
    if (cond) {
        then = av_save(cg);
        av_set(cg, cond);
    }
    LLVMValueRef ve = cg_expr(cg, n->z);
    LLVMBasicBlockRef be_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    if (cond) {
        av_join(cg, then);
        free(cond);
        free(then);
    }
    return phi2(cg, vt, bt_end, ve, be_end);
}

/* An aggregate's loop over the history spans, as its parts share it */
typedef struct AggLoop {
    LLVMValueRef i, acc, found;   /* entry-block allocas: the span's index, the accumulator, a
                                     candidate seen (max/min) */
    LLVMValueRef iv;              /* the span's index, in the body */
    LLVMBasicBlockRef next, done; /* on to the next span; after the loop */
} AggLoop;

/* The body runs any number of times: a rule it computes may have been computed by an earlier
 * span's pass, and after the loop it has been computed on some paths only. Entering it: the
 * availability before (returned) and the rules written so far (*wrote), with cg->wrote cleared
 * to collect the body's; NULLs when rules are not inlined. */
static unsigned char *agg_avail_enter(Cg *cg, unsigned char **wrote)
{
    *wrote = NULL;
    if (!cg->inl)
        return NULL;
    unsigned char *before = av_save(cg);
    *wrote = malloc((size_t)cg->p->nrules + 1);
    memcpy(*wrote, cg->wrote, (size_t)cg->p->nrules);
    memset(cg->wrote, 0, (size_t)cg->p->nrules);
    for (int r = 0; r < cg->p->nrules; r++)
        if (cg->avail[r] == AV_NO)
            cg->avail[r] = AV_MAYBE;
    return before;
}

/* Leaving the body: a rule available before stays so, one the body wrote may be */
static void agg_avail_leave(Cg *cg, unsigned char *before, unsigned char *wrote)
{
    if (!before)
        return;
    for (int r = 0; r < cg->p->nrules; r++) {
        cg->avail[r] = before[r] == AV_YES ? AV_YES : cg->wrote[r] ? AV_MAYBE : before[r];
        cg->wrote[r] |= wrote[r];
    }
    free(before);
    free(wrote);
}

/* max (kind 0) / min (1): the span's value kept when it is the first or beats the best */
static void agg_best(Cg *cg, const IrNode *n, const AggLoop *l)
{
    int kind = n->a;
    LLVMValueRef v = cg_expr(cg, n->x);
    if (cg->trace) { /* a candidate: an explanation lists it */
        LLVMValueRef pa[4] = {cg->v_ctx, k64(cg, n->loc), l->iv, v};
        LLVMBuildCall2(cg->b, cg->pick_ty, cg->pick_fn, pa, 4, "");
    }
    LLVMValueRef a = LLVMBuildLoad2(cg->b, cg->t_i64, l->acc, "");
    LLVMValueRef f = LLVMBuildLoad2(cg->b, cg->t_i64, l->found, "");
    LLVMValueRef better = LLVMBuildICmp(cg->b, kind == 0 ? LLVMIntSGT : LLVMIntSLT, v, a, "");
    LLVMValueRef first = LLVMBuildICmp(cg->b, LLVMIntEQ, f, k64(cg, 0), "");
    LLVMBuildStore(cg->b, LLVMBuildSelect(cg->b, LLVMBuildOr(cg->b, first, better, ""), v, a, ""),
                   l->acc);
    LLVMBuildStore(cg->b, k64(cg, 1), l->found);
}

/* The loop's body for one span: all (kind 4) stops at the first span that fails the
 * condition; the others take the span when it meets the condition (n->y, if any) into the
 * accumulator: max, min, sum (2), any (3: stops at the first), count (5) */
static void agg_body(Cg *cg, const IrNode *n, const AggLoop *l)
{
    int kind = n->a;
    if (kind == 4) {
        LLVMValueRef c = n->y ? cg_expr(cg, n->y) : k64(cg, 1);
        LLVMBasicBlockRef no = block(cg, "agg.no");
        LLVMBuildCondBr(cg->b, truth(cg, c), l->next, no);
        LLVMPositionBuilderAtEnd(cg->b, no);
        LLVMBuildStore(cg->b, k64(cg, 0), l->acc);
        LLVMBuildBr(cg->b, l->done);
        return;
    }
    if (n->y) {
        LLVMValueRef c = cg_expr(cg, n->y);
        LLVMBasicBlockRef yes = block(cg, "agg.yes");
        LLVMBuildCondBr(cg->b, truth(cg, c), yes, l->next);
        LLVMPositionBuilderAtEnd(cg->b, yes);
    }
    LLVMValueRef a = LLVMBuildLoad2(cg->b, cg->t_i64, l->acc, "");
    switch (kind) {
    case 0:
    case 1: agg_best(cg, n, l); break;
    case 2: {
        LLVMValueRef v = cg_expr(cg, n->x);
        a = LLVMBuildLoad2(cg->b, cg->t_i64, l->acc, "");
        LLVMBuildStore(cg->b, checked(cg, "llvm.sadd.with.overflow", a, v, n->loc), l->acc);
        break;
    }
    case 3:
        LLVMBuildStore(cg->b, k64(cg, 1), l->acc);
        LLVMBuildBr(cg->b, l->done);
        break;
    case 5: LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, a, k64(cg, 1), ""), l->acc); break;
    default: POLC_UNREACHABLE();
    }
    if (kind != 3)
        LLVMBuildBr(cg->b, l->next);
}

/* After the loop: the accumulator; for max and min, the default (n->z) when no span matched */
static LLVMValueRef agg_result(Cg *cg, const IrNode *n, const AggLoop *l)
{
    if (n->a != 0 && n->a != 1)
        return LLVMBuildLoad2(cg->b, cg->t_i64, l->acc, "");
    LLVMValueRef f = LLVMBuildLoad2(cg->b, cg->t_i64, l->found, "");
    LLVMBasicBlockRef dflt = block(cg, "agg.default"), end = block(cg, "agg.end");
    LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
    LLVMValueRef a = LLVMBuildLoad2(cg->b, cg->t_i64, l->acc, "");
    LLVMBuildCondBr(cg->b, truth(cg, f), end, dflt);
    LLVMPositionBuilderAtEnd(cg->b, dflt);
    unsigned char *found_one = cg->inl ? av_save(cg) : NULL;
    LLVMValueRef d = cg_expr(cg, n->z);
    LLVMBasicBlockRef dflt_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, end);
    LLVMPositionBuilderAtEnd(cg->b, end);
    if (found_one) {
        av_join(cg, found_one);
        free(found_one);
    }
    return phi2(cg, a, from, d, dflt_end);
}

/* max/min/sum/any/all/count over the person's history spans: a loop with the accumulator in
 * entry-block allocas (promoted to registers by mem2reg) */
static LLVMValueRef cg_agg(Cg *cg, const IrNode *n)
{
    AggLoop l = {.i = entry_alloca(cg, "i"),
                 .acc = entry_alloca(cg, "acc"),
                 .found = entry_alloca(cg, "found")};
    LLVMBuildStore(cg->b, k64(cg, 0), l.i);
    LLVMBuildStore(cg->b, k64(cg, n->a == 4 ? 1 : 0), l.acc);
    LLVMBuildStore(cg->b, k64(cg, 0), l.found);
    LLVMValueRef nhist = ctx_load(cg, CTX_NHIST);
    LLVMValueRef hist = ctx_load(cg, CTX_HIST);
    LLVMBasicBlockRef head = block(cg, "agg.head"), body = block(cg, "agg.body");
    l.next = block(cg, "agg.next");
    l.done = block(cg, "agg.done");
    LLVMBuildBr(cg->b, head);
    LLVMPositionBuilderAtEnd(cg->b, head);
    l.iv = LLVMBuildLoad2(cg->b, cg->t_i64, l.i, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, l.iv, nhist, ""), body, l.done);
    LLVMPositionBuilderAtEnd(cg->b, body);
    LLVMValueRef saved = cg->v_span, saved_i = cg->v_span_i;
    cg->v_span = elem_ptr(cg, hist, LLVMBuildMul(cg->b, l.iv, k64(cg, cg->p->nhist), ""));
    cg->v_span_i = l.iv;
    unsigned char *wrote, *before = agg_avail_enter(cg, &wrote);
    if (cg->trace) { /* the span is read: an explanation lists it */
        LLVMValueRef sa[2] = {cg->v_ctx, l.iv};
        LLVMBuildCall2(cg->b, cg->span_ty, cg->span_fn, sa, 2, "");
    }
    agg_body(cg, n, &l);
    cg->v_span = saved;
    cg->v_span_i = saved_i;
    agg_avail_leave(cg, before, wrote);
    LLVMPositionBuilderAtEnd(cg->b, l.next);
    LLVMBuildStore(
        cg->b, LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->t_i64, l.i, ""), k64(cg, 1), ""), l.i);
    LLVMBuildBr(cg->b, head);
    LLVMPositionBuilderAtEnd(cg->b, l.done);
    return agg_result(cg, n, &l);
}

/* traced: the table entry i read of param n->a to ctx->pidx, when the caller asked for a
 * trace (pidx not NULL) */
static void trace_entry(Cg *cg, const IrNode *n, LLVMValueRef i)
{
    if (!cg->trace)
        return;
    LLVMValueRef tp = ctx_load(cg, CTX_PIDX);
    LLVMBasicBlockRef yes = block(cg, "trace"), done = block(cg, "traced");
    LLVMBuildCondBr(cg->b, LLVMBuildIsNotNull(cg->b, tp, ""), yes, done);
    LLVMPositionBuilderAtEnd(cg->b, yes);
    LLVMBuildStore(cg->b, i, elem_ptr(cg, tp, k64(cg, n->a)));
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
}

/* a table entry of a param some member of which the policy marks unknown: the value at off,
 * failing (POLRT_E_UNKNOWN) at member i's own loc (n->k - 1 + i, naming the param and the
 * member) when it is one of those */
static LLVMValueRef cg_maybe_unknown(Cg *cg, const IrNode *n, LLVMValueRef i, LLVMValueRef off)
{
    trace_entry(cg, n, i);
    LLVMValueRef v = load_elem(cg, CTX_PARAMS, off);
    LLVMBasicBlockRef bad = block(cg, "unknown"), ok = block(cg, "known");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, v, k64(cg, POLRT_NONE), ""), bad, ok);
    LLVMPositionBuilderAtEnd(cg->b, bad);
    LLVMValueRef args[3] = {cg->v_ctx, k64(cg, POLRT_E_UNKNOWN),
                            LLVMBuildAdd(cg->b, i, k64(cg, n->k - 1), "")};
    LLVMBuildCall2(cg->b, cg->fail_ty, cg->fail_fn, args, 3, "");
    LLVMBuildUnreachable(cg->b);
    LLVMPositionBuilderAtEnd(cg->b, ok);
    return v;
}

/* a param's value in force: a scalar, or a table's entry (n->x the index; n->k: the table
 * has unknown members, which fail when read) */
static LLVMValueRef cg_param(Cg *cg, const IrNode *n)
{
    LLVMValueRef off = param_offset(cg, n->a, n->loc);
    if (n->x) {
        LLVMValueRef i = cg_expr(cg, n->x);
        off = LLVMBuildAdd(cg->b, off, i, "");
        if (n->k)
            return cg_maybe_unknown(cg, n, i, off);
        trace_entry(cg, n, i);
    }
    return load_elem(cg, CTX_PARAMS, off);
}

/* n, an argument in frame f whose code was at span span_i, appended to the key k (*len
 * used of SPAN_KEY_MAX): 1, or 0 when n reads more than constants and the span the
 * insertion point is at (an argument of an inlined call is followed to its caller) */
static int span_key(const Cg *cg, const Frame *f, LLVMValueRef span_i, const IrNode *n, char *k,
                    int *len)
{
    int w;
    switch (n->op) {
    case IR_CONST:
        w = snprintf(k + *len, SPAN_KEY_MAX - (size_t)*len, "k%lld,", (long long)n->k);
        break;
    case IR_HIST:
        if (!span_i || span_i != cg->v_span_i)
            return 0;
        w = snprintf(k + *len, SPAN_KEY_MAX - (size_t)*len, "h%d,", n->a);
        break;
    case IR_ARG: return f && span_key(cg, f->up, f->span_i, f->args[n->a], k, len);
    default: return 0;
    }
    if (w < 0 || *len + w >= SPAN_KEY_MAX)
        return 0;
    *len += w;
    return 1;
}

/* the span memo of call n at the insertion point, made at its first use, or NULL when its
 * arguments read more than the span and constants (or there are too many) */
static SpanMemo *span_memo(Cg *cg, const IrNode *n)
{
    char k[SPAN_KEY_MAX];
    int len = 0;
    if (!cg->v_span_i)
        return NULL;
    for (int i = 0; i < n->nargs; i++)
        if (!span_key(cg, cg->frame, cg->v_span_i, n->args[i], k, &len))
            return NULL;
    k[len] = 0;
    for (int i = 0; i < cg->nsmemo; i++)
        if (cg->smemo[i].rule == n->a && strcmp(cg->smemo[i].key, k) == 0)
            return &cg->smemo[i];
    if (cg->nsmemo == MAX_SPAN_MEMOS)
        return NULL;
    SpanMemo *s = &cg->smemo[cg->nsmemo++];
    s->rule = n->a;
    memcpy(s->key, k, (size_t)len + 1);
    s->stored = 0;
    s->vals = entry_array(cg, SPAN_MEMO_SPANS + 1, "span.memo");
    s->done = entry_alloca(cg, "span.done");
    /* zeroed on entry: after the allocas (entry_array puts them first), before any use */
    LLVMBuilderRef top = LLVMCreateBuilderInContext(cg->c);
    LLVMPositionBuilderBefore(top, LLVMGetNextInstruction(s->done));
    LLVMBuildStore(top, k64(cg, 0), s->done);
    LLVMDisposeBuilder(top);
    return s;
}

/* rule n->a's value with arguments args (after the ctx) here: its body inlined, or its
 * function called */
static LLVMValueRef call_value(Cg *cg, const IrNode *n, LLVMValueRef *args)
{
    if (cg->inl && !cg->called[n->a]) {
        Frame f = {.args = n->args, .up = cg->frame, .span_i = cg->v_span_i};
        cg->frame = &f;
        LLVMValueRef v = rule_value(cg, n->a, args + 1);
        cg->frame = f.up;
        return v;
    }
    return LLVMBuildCall2(cg->b, cg->rule_ty[n->a], cg->rule_fn[n->a], args, (unsigned)n->nargs + 1,
                          "");
}

/* v kept as the current span's value in s (in: the span is one s keeps; bit: its bit, 0
 * when it is not) */
static LLVMValueRef span_memo_store(Cg *cg, LLVMValueRef v, SpanMemo *s, LLVMValueRef in,
                                    LLVMValueRef bit)
{
    LLVMValueRef slot = LLVMBuildSelect(cg->b, in, cg->v_span_i, k64(cg, SPAN_MEMO_SPANS), "");
    LLVMBuildStore(cg->b, v, elem_ptr(cg, s->vals, slot));
    LLVMValueRef done = LLVMBuildLoad2(cg->b, cg->t_i64, s->done, "");
    LLVMBuildStore(cg->b, LLVMBuildOr(cg->b, done, bit, ""), s->done);
    return v;
}

/* A call of a rule with arguments that read only the span, in the fast entry: its value for
 * this span when an earlier use computed it, else computed and kept. The aggregates over a
 * person's history call the same rule with the same span's fields again and again
 * (medical assistance: covers() in six, total_for() and ma_for() in three, ma_for() twice
 * more inside total_for()), and a rule's value is a function of its arguments and the
 * claim, so the value kept is the one a second evaluation would give, and a first
 * evaluation that failed ended the claim: the same values and failures. */
static LLVMValueRef span_memo_call(Cg *cg, const IrNode *n, LLVMValueRef *args, SpanMemo *s)
{
    LLVMValueRef i = cg->v_span_i;
    LLVMValueRef in = LLVMBuildICmp(cg->b, LLVMIntULT, i, k64(cg, SPAN_MEMO_SPANS), "");
    /* 0 past the last span kept: never found, never marked; one test where the hit was
     * `in` and the bit, two (medical assistance 527.4 -> 514.1 instructions a claim) */
    LLVMValueRef bit =
        LLVMBuildSelect(cg->b, in,
                        LLVMBuildShl(cg->b, k64(cg, 1),
                                     LLVMBuildAnd(cg->b, i, k64(cg, SPAN_MEMO_SPANS - 1), ""), ""),
                        k64(cg, 0), "");
    if (!s->stored) {
        /* The first use in the code's order: a later one in the same pass runs after it, and
         * one on the next pass is at another span, so nothing can be kept for this span yet
         * (a use reached again through an enclosing loop computes again, which is only
         * slower). No test: medical assistance 564.6 -> 527.4 instructions a claim
         * (callgrind, polc gen --policy ... --persons 30000 --seed 1). */
        s->stored = 1;
        return span_memo_store(cg, call_value(cg, n, args), s, in, bit);
    }
    LLVMValueRef done = LLVMBuildLoad2(cg->b, cg->t_i64, s->done, "");
    LLVMValueRef hit = truth(cg, LLVMBuildAnd(cg->b, done, bit, ""));
    LLVMBasicBlockRef b_hit = block(cg, "span.hit"), b_miss = block(cg, "span.miss"),
                      join = block(cg, "span.memo");
    LLVMBuildCondBr(cg->b, hit, b_hit, b_miss);
    LLVMPositionBuilderAtEnd(cg->b, b_hit);
    LLVMValueRef v_hit = LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, s->vals, i), "");
    LLVMBuildBr(cg->b, join);
    LLVMPositionBuilderAtEnd(cg->b, b_miss);
    unsigned char *before = av_save(cg);
    LLVMValueRef v = span_memo_store(cg, call_value(cg, n, args), s, in, bit);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, join);
    LLVMPositionBuilderAtEnd(cg->b, join);
    /* the rules the body computed are known on the miss side only */
    av_join(cg, before);
    free(before);
    return phi2(cg, v_hit, b_hit, v, miss_end);
}

/* a call of rule n->a with arguments: inlined where its body is, else its function; in the
 * fast entry memoized by span where its arguments allow */
static LLVMValueRef cg_call(Cg *cg, const IrNode *n)
{
    LLVMValueRef args[RULE_MAX_ARGS + 1];
    POLC_ASSERT(n->nargs <= RULE_MAX_ARGS);
    args[0] = cg->v_ctx;
    for (int i = 0; i < n->nargs; i++)
        args[i + 1] = cg_expr(cg, n->args[i]);
    SpanMemo *s = cg->inl && cg->memo_worth[n->a] ? span_memo(cg, n) : NULL;
    return s ? span_memo_call(cg, n, args, s) : call_value(cg, n, args);
}

/* cg_year_of's table covers the days of 1 January YEARS_FIRST to 31 December YEARS_LAST (the
 * years the data can hold, spec/DATA.md) in blocks of 2^YEARS_SHIFT days; a block, shorter
 * than a year, holds at most one 1 January */
#define YEARS_FIRST 1900
#define YEARS_LAST  2199
#define YEARS_SHIFT 8
/* an entry: the year of the block's first day less YEARS_FIRST, above the bits that say how
 * many of the block's days come before the next 1 January (2^YEARS_SHIFT: none in it) */
#define YEARS_OFF_BITS (YEARS_SHIFT + 1)

/* year(day), bit for bit polrt_year_of, without the call for a day YEARS_FIRST to
 * YEARS_LAST: the day's block's entry, one more when the day is at or past the 1 January
 * in the block. The table is made here by the runtime's own polrt_year_of and
 * polrt_days_from_civil, so it cannot disagree with them; other days call polrt_year_of.
 * Every yearly ledger keys a claim by this: polc_keys 30.0 -> 22.0 instructions a claim
 * for Panji, 59.0 -> 42.0 for medical assistance's two (callgrind, polc gen --persons
 * 30000 --seed 1). */
static LLVMValueRef cg_year_of(Cg *cg, LLVMValueRef *vals, int loc)
{
    int64_t first = polrt_days_from_civil(YEARS_FIRST, 1, 1);
    int64_t span = polrt_days_from_civil(YEARS_LAST + 1, 1, 1) - first;
    int64_t block_days = INT64_C(1) << YEARS_SHIFT;
    int nb = (int)((span + block_days - 1) >> YEARS_SHIFT);
    LLVMTypeRef t_i32 = LLVMInt32TypeInContext(cg->c);
    LLVMTypeRef t_tab = LLVMArrayType2(t_i32, (uint64_t)nb);
    if (!cg->years) {
        LLVMValueRef *e = malloc(sizeof *e * (size_t)nb);
        for (int b = 0; b < nb; b++) {
            int64_t start = first + ((int64_t)b << YEARS_SHIFT), y = polrt_year_of(start);
            int64_t before = polrt_days_from_civil(y + 1, 1, 1) - start;
            if (before > block_days)
                before = block_days;
            e[b] = LLVMConstInt(
                t_i32, (unsigned long long)((y - YEARS_FIRST) << YEARS_OFF_BITS | before), 0);
        }
        cg->years = LLVMAddGlobal(cg->m, t_tab, "polc.years");
        LLVMSetInitializer(cg->years, LLVMConstArray2(t_i32, e, (uint64_t)nb));
        LLVMSetGlobalConstant(cg->years, 1);
        LLVMSetLinkage(cg->years, LLVMPrivateLinkage);
        LLVMSetUnnamedAddress(cg->years, LLVMGlobalUnnamedAddr);
        free(e);
    }
    LLVMValueRef t = LLVMBuildSub(cg->b, vals[0], k64(cg, first), "");
    /* unsigned: a day before the first is a large t. The call is the rare side: with that
     * said, the code generator puts it out of line and saves registers around it alone,
     * where the table's path had paid for both (a jump over the call and the pushes and pops
     * of the register kept across it): Panji's polc_keys 22.0 -> 18.0 instructions a claim,
     * medical assistance's fast entry 509.6 -> 504.3 and polc_keys 42.0 -> 40.0 (callgrind,
     * polc gen --persons 30000 --seed 1) */
    LLVMValueRef out = LLVMBuildICmp(cg->b, LLVMIntUGE, t, k64(cg, span), "");
    LLVMBasicBlockRef b_tab = block(cg, "year.table"), b_call = block(cg, "year.call");
    LLVMBuildCondBr(cg->b, unlikely(cg, out), b_call, b_tab);

    LLVMPositionBuilderAtEnd(cg->b, b_tab);
    LLVMValueRef idx[2] = {k64(cg, 0), LLVMBuildLShr(cg->b, t, k64(cg, YEARS_SHIFT), "")};
    LLVMValueRef e = LLVMBuildZExt(
        cg->b, LLVMBuildLoad2(cg->b, t_i32, LLVMBuildGEP2(cg->b, t_tab, cg->years, idx, 2, ""), ""),
        cg->t_i64, "");
    LLVMValueRef before = LLVMBuildAnd(cg->b, e, k64(cg, (INT64_C(1) << YEARS_OFF_BITS) - 1), "");
    LLVMValueRef past = LLVMBuildICmp(
        cg->b, LLVMIntUGE, LLVMBuildAnd(cg->b, t, k64(cg, block_days - 1), ""), before, "");
    LLVMValueRef y = LLVMBuildAdd(cg->b, LLVMBuildLShr(cg->b, e, k64(cg, YEARS_OFF_BITS), ""),
                                  k64(cg, YEARS_FIRST), "");
    return or_call_host(cg, LLVMBuildAdd(cg->b, y, to_i64(cg, past), nm(cg, "year")), b_call,
                        H_YEAR_OF, vals, loc);
}

/* a host helper; money × rate and year() emitted in line (cg_mul_rate, cg_year_of) */
static LLVMValueRef cg_host(Cg *cg, const IrNode *n)
{
    LLVMValueRef vals[2];
    for (int i = 0; i < n->nargs; i++)
        vals[i] = cg_expr(cg, n->args[i]);
    if (n->a == H_MUL_RATE || n->a == H_RATE_MUL)
        return cg_mul_rate(cg, (HostId)n->a, vals, n->loc);
    if (n->a == H_YEAR_OF)
        return cg_year_of(cg, vals, n->loc);
    return call_host(cg, (HostId)n->a, vals, n->loc);
}

/* the one dispatching switch over IR node kinds [c3c, Cone] */
static LLVMValueRef cg_expr(Cg *cg, const IrNode *n)
{
    LLVMValueRef x, y;
    switch (n->op) {
    case IR_CONST: return k64(cg, n->k);
    case IR_CLAIM: return load_elem(cg, CTX_CLAIM, k64(cg, n->a));
    case IR_PERSON: return load_elem(cg, CTX_PERSON, k64(cg, n->a));
    case IR_HIST:
        return LLVMBuildLoad2(cg->b, cg->t_i64, elem_ptr(cg, cg->v_span, k64(cg, n->a)), "");
    case IR_LEDGER: return load_elem(cg, CTX_LEDGER_IN, k64(cg, n->a));
    case IR_ARG: return cg->v_args[n->a];
    case IR_PARAM: return cg_param(cg, n);
    case IR_PROGRESSIVE: {
        LLVMValueRef off = param_offset(cg, n->a, n->loc);
        LLVMValueRef seg = elem_ptr(cg, ctx_load(cg, CTX_PARAMS), off);
        LLVMValueRef args[4] = {cg->v_ctx, seg, cg_expr(cg, n->x), k64(cg, n->loc)};
        if (!cg->trace)
            return cg_progressive(cg, n, args);
        return LLVMBuildCall2(cg->b, cg->prog_ty, cg->prog_fn, args, 4, "");
    }
    case IR_RULE: return cg->inl ? inline_rule(cg, n->a) : call_context_rule(cg, n->a);
    case IR_CALL: return cg_call(cg, n);
    case IR_HOST: return cg_host(cg, n);
    case IR_ADD:
        x = cg_expr(cg, n->x), y = cg_expr(cg, n->y);
        return checked(cg, "llvm.sadd.with.overflow", x, y, n->loc);
    case IR_SUB:
        x = cg_expr(cg, n->x), y = cg_expr(cg, n->y);
        return checked(cg, "llvm.ssub.with.overflow", x, y, n->loc);
    case IR_MUL:
        x = cg_expr(cg, n->x), y = cg_expr(cg, n->y);
        return checked(cg, "llvm.smul.with.overflow", x, y, n->loc);
    case IR_NEG:
        x = cg_expr(cg, n->x);
        return checked(cg, "llvm.ssub.with.overflow", k64(cg, 0), x, n->loc);
    case IR_CMP: {
        static const LLVMIntPredicate pred[] = {LLVMIntEQ,  LLVMIntNE,  LLVMIntSLT,
                                                LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
        x = cg_expr(cg, n->x), y = cg_expr(cg, n->y);
        return to_i64(cg, LLVMBuildICmp(cg->b, pred[n->a - OP_EQ], x, y, ""));
    }
    case IR_AND:
    case IR_OR: return cg_logic(cg, n);
    case IR_NOT:
        return to_i64(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, cg_expr(cg, n->x), k64(cg, 0), ""));
    case IR_IF: return cg_if(cg, n);
    case IR_MIN:
    case IR_MAX:
        x = cg_expr(cg, n->x), y = cg_expr(cg, n->y);
        return LLVMBuildSelect(
            cg->b, LLVMBuildICmp(cg->b, n->op == IR_MIN ? LLVMIntSLT : LLVMIntSGT, x, y, ""), x, y,
            "");
    case IR_UNWRAP:
        x = cg_expr(cg, n->x);
        fail_if(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, x, k64(cg, POLRT_NONE), ""), POLRT_E_NONE,
                n->loc);
        return x;
    case IR_PRESENT:
        return to_i64(cg,
                      LLVMBuildICmp(cg->b, LLVMIntNE, cg_expr(cg, n->x), k64(cg, POLRT_NONE), ""));
    case IR_AGG: return cg_agg(cg, n);
    }
    POLC_UNREACHABLE();
}

static void begin_function(Cg *cg, LLVMValueRef fn)
{
    cg->fn = fn;
    cg->entry = LLVMAppendBasicBlockInContext(cg->c, fn, nm(cg, "entry"));
    LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    cg->v_ctx = LLVMGetParam(fn, 0);
    cg->v_span = cg->v_span_i = NULL;
    memset(cg->v_field, 0, sizeof cg->v_field);
}

/* the branches of a rule: the first whose date range and guard hold gives the value */
/* The branches of a rule: the first whose date range and guard hold gives the value, at the
 * end of the chain. In the fast entry (cg->inl) a guard runs only when the earlier ones did
 * not hold, a body only when its guard held: what they compute is known on those paths. */
static LLVMValueRef branch_chain(Cg *cg, int ridx)
{
    const IrRule *r = &cg->p->rules[ridx];
    LLVMValueRef result = entry_alloca(cg, "result");
    LLVMBasicBlockRef done = block(cg, "done");
    unsigned char *taken = NULL; /* cg->inl: the state where the taken bodies join */
    for (int i = 0; i < r->nbr; i++) {
        const IrBranch *br = &r->br[i];
        LLVMBasicBlockRef take = block(cg, "branch"), skip = block(cg, "next");
        unsigned char *out_of_range = NULL;
        if (br->from != INT64_MIN || br->to != INT64_MAX) {
            LLVMValueRef asof = ctx_load(cg, CTX_ASOF);
            LLVMValueRef in =
                LLVMBuildAnd(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGE, asof, k64(cg, br->from), ""),
                             LLVMBuildICmp(cg->b, LLVMIntSLT, asof, k64(cg, br->to), ""), "");
            LLVMBasicBlockRef g = block(cg, "guard");
            LLVMBuildCondBr(cg->b, in, g, skip);
            LLVMPositionBuilderAtEnd(cg->b, g);
            if (cg->inl)
                out_of_range = av_save(cg);
        }
        if (br->guard)
            LLVMBuildCondBr(cg->b, truth(cg, cg_expr(cg, br->guard)), take, skip);
        else
            LLVMBuildBr(cg->b, take);
        LLVMPositionBuilderAtEnd(cg->b, take);
        unsigned char *guarded = cg->inl ? av_save(cg) : NULL;
        LLVMBuildStore(cg->b, cg_expr(cg, br->body), result);
        /* recorded once the value is known: a rule that failed is not shown as evaluated */
        if (r->nargs == 0 && cg->trace)
            store_elem(cg, CTX_BRANCH, k64(cg, ridx), k64(cg, i));
        LLVMBuildBr(cg->b, done);
        LLVMPositionBuilderAtEnd(cg->b, skip);
        if (cg->inl) {
            if (taken) {
                av_join(cg, taken);
                memcpy(taken, cg->avail, (size_t)cg->p->nrules);
            } else {
                taken = av_save(cg);
            }
            /* the next branch starts where this guard did not hold (or was not reached) */
            av_set(cg, guarded);
            if (out_of_range)
                av_join(cg, out_of_range);
            free(guarded);
            free(out_of_range);
        }
    }
    emit_fail(cg, POLRT_E_NOVERSION, r->loc);
    LLVMPositionBuilderAtEnd(cg->b, done);
    if (taken) {
        av_set(cg, taken);
        free(taken);
    }
    return LLVMBuildLoad2(cg->b, cg->t_i64, result, nm(cg, "value"));
}

/* the fast entry: rule ridx's body at the insertion point, with arguments args */
static LLVMValueRef rule_value(Cg *cg, int ridx, LLVMValueRef *args)
{
    if (++cg->copies > cg->max_copies || cg->depth >= MAX_INLINE_DEPTH) {
        cg->too_big = 1; /* the function is thrown away: any value will do */
        return k64(cg, 0);
    }
    LLVMValueRef *saved = cg->v_args;
    cg->v_args = args;
    cg->depth++;
    LLVMValueRef v = branch_chain(cg, ridx);
    cg->depth--;
    cg->v_args = saved;
    return v;
}

static void cg_branches(Cg *cg, int ridx)
{
    const IrRule *r = &cg->p->rules[ridx];
    LLVMValueRef v = branch_chain(cg, ridx);
    if (r->nargs > 0 && cg->trace) {
        /* a call with arguments: its arguments and value go to the trace (polrt_trace_call) */
        LLVMValueRef argv = entry_array(cg, r->nargs, "args");
        for (int i = 0; i < r->nargs; i++)
            LLVMBuildStore(cg->b, cg->v_args[i], elem_ptr(cg, argv, k64(cg, i)));
        LLVMValueRef ca[5] = {cg->v_ctx, k64(cg, ridx), v, argv, k64(cg, r->nargs)};
        LLVMBuildCall2(cg->b, cg->call_ty, cg->call_fn, ca, 5, "");
    }
    if (r->nargs == 0) {
        store_elem(cg, CTX_RULE_VAL, k64(cg, ridx), v);
        store_elem(cg, CTX_RULE_STATE, k64(cg, ridx), k64(cg, 2));
    }
    LLVMBuildRet(cg->b, v);
}

static void cg_rule(Cg *cg, int ridx)
{
    const IrRule *r = &cg->p->rules[ridx];
    begin_function(cg, cg->rule_fn[ridx]);
    LLVMValueRef args[RULE_MAX_ARGS + 1];
    POLC_ASSERT(r->nargs <= RULE_MAX_ARGS);
    for (int i = 0; i < r->nargs; i++)
        args[i] = LLVMGetParam(cg->fn, (unsigned)i + 1);
    cg->v_args = args;
    if (r->nargs == 0 && cg->trace) {
        /* memoized: a context rule is computed once per claim. Its callers in generated code
         * look at the memo first (call_context_rule), but the traced function is exported
         * (polc call, tests) and answers from the memo itself; the fast one is reached only
         * through call_context_rule. */
        LLVMValueRef st = load_elem(cg, CTX_RULE_STATE, k64(cg, ridx));
        LLVMBasicBlockRef cached = block(cg, "cached"), compute = block(cg, "compute");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, st, k64(cg, 2), ""), cached,
                        compute);
        LLVMPositionBuilderAtEnd(cg->b, cached);
        LLVMBuildRet(cg->b, load_elem(cg, CTX_RULE_VAL, k64(cg, ridx)));
        LLVMPositionBuilderAtEnd(cg->b, compute);
        /* "in progress" is for the interpreter's cycle check and a reader of the trace;
         * compiled code never reads it (sema rejects cycles) */
        if (cg->trace)
            store_elem(cg, CTX_RULE_STATE, k64(cg, ridx), k64(cg, 1));
    }
    cg_branches(cg, ridx);
    cg->v_args = NULL;
}

/* polc_settle (cg->trace) or polc_settle_fast: every output, then every ledger field */
static void cg_settle(Cg *cg, const char *symbol)
{
    const IrProgram *p = cg->p;
    LLVMTypeRef ft = LLVMFunctionType(cg->t_i64, &cg->t_ptr, 1, 0);
    LLVMValueRef fn = LLVMAddFunction(cg->m, symbol, ft);
    begin_function(cg, fn);
    for (int i = 0; i < p->noutputs; i++)
        store_elem(cg, CTX_OUT, k64(cg, i), call_context_rule(cg, p->outputs[i]));
    for (int i = 0; i < p->nledger_fields; i++)
        store_elem(cg, CTX_LEDGER_OUT, k64(cg, i), cg_expr(cg, p->updates[i]));
    LLVMBuildRet(cg->b, k64(cg, 0));
}

/* polc_keys and polc_check. Both stay traced: their parameter reads are recorded in pver like
 * the settle's (an explanation lists the parameters the checks read too), and both are a few
 * instructions a claim, so an untraced copy would save next to nothing. */
static void cg_keys_check(Cg *cg)
{
    const IrProgram *p = cg->p;
    LLVMTypeRef kargs[2] = {cg->t_ptr, cg->t_ptr};
    LLVMTypeRef kt = LLVMFunctionType(cg->t_void, kargs, 2, 0);
    LLVMValueRef fn = LLVMAddFunction(cg->m, POLRT_SYM_KEYS, kt);
    begin_function(cg, fn);
    LLVMValueRef keys = LLVMGetParam(fn, 1);
    for (int i = 0; i < p->nledgers; i++) {
        LLVMValueRef v = p->keys[i] ? cg_expr(cg, p->keys[i]) : k64(cg, 0);
        LLVMBuildStore(cg->b, v, elem_ptr(cg, keys, k64(cg, i)));
    }
    LLVMBuildRetVoid(cg->b);

    /* polc_check: the index of the first reject condition that holds, or -1 */
    fn = LLVMAddFunction(cg->m, POLRT_SYM_CHECK, LLVMFunctionType(cg->t_i64, &cg->t_ptr, 1, 0));
    begin_function(cg, fn);
    for (int i = 0; i < p->nrejects; i++) {
        LLVMBasicBlockRef yes = block(cg, "rejected"), no = block(cg, "next");
        LLVMBuildCondBr(cg->b, truth(cg, cg_expr(cg, p->rejects[i])), yes, no);
        LLVMPositionBuilderAtEnd(cg->b, yes);
        LLVMBuildRet(cg->b, k64(cg, i));
        LLVMPositionBuilderAtEnd(cg->b, no);
    }
    LLVMBuildRet(cg->b, k64(cg, -1));
}

/* whether n, or a rule with arguments it calls, reads a context rule (memo: per rule 0 not
 * known yet, 1 no, 2 yes) */
static int reads_context(const IrProgram *p, const IrNode *n, unsigned char *memo)
{
    if (!n)
        return 0;
    if (n->op == IR_RULE)
        return 1;
    if (n->op == IR_CALL) {
        if (!memo[n->a]) {
            memo[n->a] = 1; /* sema rejects cycles: no rule reaches itself */
            const IrRule *r = &p->rules[n->a];
            for (int b = 0; b < r->nbr; b++)
                if (reads_context(p, r->br[b].guard, memo) || reads_context(p, r->br[b].body, memo))
                    memo[n->a] = 2;
        }
        if (memo[n->a] == 2)
            return 1;
    }
    if (reads_context(p, n->x, memo) || reads_context(p, n->y, memo) ||
        reads_context(p, n->z, memo))
        return 1;
    for (int i = 0; i < n->nargs; i++)
        if (reads_context(p, n->args[i], memo))
            return 1;
    return 0;
}

/* the IR nodes evaluating n takes, the bodies of the rules with arguments it calls counted
 * in (sema rejects cycles; a context rule counts 1, it is memoized), added to *c until it
 * reaches SPAN_MEMO_MIN_COST: counted further, rules that call others twice over many levels
 * would take exponential time */
static void ir_cost(const IrProgram *p, const IrNode *n, int *c)
{
    if (!n || *c >= SPAN_MEMO_MIN_COST)
        return;
    ++*c;
    ir_cost(p, n->x, c);
    ir_cost(p, n->y, c);
    ir_cost(p, n->z, c);
    for (int i = 0; i < n->nargs; i++)
        ir_cost(p, n->args[i], c);
    if (n->op == IR_CALL) {
        const IrRule *r = &p->rules[n->a];
        for (int b = 0; b < r->nbr; b++) {
            ir_cost(p, r->br[b].guard, c);
            ir_cost(p, r->br[b].body, c);
        }
    }
}

/* polc_settle_fast as one function (see inline_rule): every output's rule, stored as soon
 * as it is known (as the traced entry does), then every ledger field into locals, stored at
 * the end (ledger_out may be ledger_in's buffer for all the code knows, and the updates
 * read ledger_in). Outputs held to the end were ~20 values live at once, spilled to the
 * stack and loaded back: Panji 241.6 -> 229.6 instructions a claim stored early (callgrind,
 * polc gen --persons 30000 --seed 1). 0, or -1 when the policy's bodies would be copied too
 * often: the function is then deleted. */
static int cg_settle_inline(Cg *cg)
{
    const IrProgram *p = cg->p;
    size_t nr = (size_t)p->nrules + 1;
    LLVMTypeRef ft = LLVMFunctionType(cg->t_i64, &cg->t_ptr, 1, 0);
    LLVMValueRef fn = LLVMAddFunction(cg->m, POLRT_SYM_SETTLE_FAST, ft);
    begin_function(cg, fn);
    cg->inl = 1;
    /* the rules with arguments it calls are their fast functions: it called the traced ones
     * (optnone, polrt_trace_call on every call) before, and medical assistance's fast entry
     * took 1,897 instructions a claim where it now takes 852 (callgrind, polc gen --persons
     * 30000 --seed 1 --policy) */
    cg->rule_fn = cg->rule_fns[0];
    cg->memo_v = calloc(nr, sizeof *cg->memo_v);
    cg->memo_f = calloc(nr, sizeof *cg->memo_f);
    cg->avail = calloc(nr, 1);
    cg->wrote = calloc(nr, 1);
    cg->copies = cg->depth = cg->too_big = 0;
    cg->smemo = calloc(MAX_SPAN_MEMOS, sizeof *cg->smemo);
    cg->nsmemo = 0;
    cg->frame = NULL;
    /* A rule with arguments has no memo, so each call inlined is one more copy of its body
     * (and of the calls in it): one that reads no context rule stays a function of its own
     * (polc_rule_N.fast, which the optimiser inlines where that pays); one that does is
     * inlined, its context rules being the fast entry's locals. */
    unsigned char *memo = calloc(nr, 1);
    cg->called = calloc(nr, 1);
    for (int r = 0; r < p->nrules; r++) {
        IrNode call = {.op = IR_CALL, .a = r};
        cg->called[r] = p->rules[r].nargs > 0 && !reads_context(p, &call, memo);
    }
    free(memo);
    cg->memo_worth = calloc(nr, 1);
    for (int r = 0; r < p->nrules; r++) {
        IrNode call = {.op = IR_CALL, .a = r};
        int c = 0;
        ir_cost(p, &call, &c);
        cg->memo_worth[r] = p->rules[r].nargs > 0 && c >= SPAN_MEMO_MIN_COST;
    }
    cg->max_copies = MAX_COPIES_PER_RULE * p->nrules + MAX_COPIES_PER_RULE;
    for (int r = 0; r < p->nrules; r++) {
        cg->memo_v[r] = entry_alloca(cg, "memo");
        cg->memo_f[r] = entry_alloca(cg, "memo.done");
        LLVMBuildStore(cg->b, k64(cg, 0), cg->memo_f[r]);
    }
    int nv = p->noutputs + p->nledger_fields;
    LLVMValueRef *v = calloc((size_t)nv + 1, sizeof *v);
    for (int i = 0; i < p->noutputs; i++)
        store_elem(cg, CTX_OUT, k64(cg, i), v[i] = inline_rule(cg, p->outputs[i]));
    for (int i = 0; i < p->nledger_fields; i++)
        v[p->noutputs + i] = cg_expr(cg, p->updates[i]);
    for (int i = 0; i < p->nledger_fields; i++)
        store_elem(cg, CTX_LEDGER_OUT, k64(cg, i), v[p->noutputs + i]);
    LLVMBuildRet(cg->b, k64(cg, 0));
    free(v);
    free(cg->memo_v);
    free(cg->memo_f);
    free(cg->avail);
    free(cg->wrote);
    free(cg->smemo);
    free(cg->memo_worth);
    cg->smemo = NULL;
    cg->inl = 0;
    if (cg->too_big) {
        LLVMDeleteFunction(fn);
        return -1;
    }
    return 0;
}

/* the rule functions of one variant (trace: traced, else fast) and its settle entry */
static void cg_variant(Cg *cg, int trace)
{
    cg->trace = trace;
    cg->rule_fn = cg->rule_fns[trace];
    for (int i = 0; i < cg->p->nrules; i++)
        cg_rule(cg, i);
    cg_settle(cg, trace ? POLRT_SYM_SETTLE : POLRT_SYM_SETTLE_FAST);
}

static void cg_globals(Cg *cg, const char *schema)
{
    size_t n = strlen(schema);
    LLVMValueRef s = LLVMConstStringInContext(cg->c, schema, (unsigned)n, 0);
    LLVMValueRef g = LLVMAddGlobal(cg->m, LLVMTypeOf(s), POLRT_SYM_SCHEMA);
    LLVMSetInitializer(g, s);
    LLVMSetGlobalConstant(g, 1);
    int64_t np = cg->p->nptable;
    LLVMValueRef *vals = malloc(sizeof(LLVMValueRef) * (size_t)(np + 1));
    for (int64_t i = 0; i < np; i++)
        vals[i] = k64(cg, cg->p->ptable[i]);
    vals[np] = k64(cg, 0); /* never an empty array */
    LLVMValueRef arr = LLVMConstArray2(cg->t_i64, vals, (uint64_t)np + 1);
    free(vals);
    g = LLVMAddGlobal(cg->m, LLVMTypeOf(arr), POLRT_SYM_PARAMS);
    LLVMSetInitializer(g, arr);
    LLVMSetGlobalConstant(g, 1);
}

static void declare_runtime(Cg *cg)
{
    LLVMTypeRef fa[3] = {cg->t_ptr, cg->t_i64, cg->t_i64};
    cg->fail_ty = LLVMFunctionType(cg->t_void, fa, 3, 0);
    cg->fail_fn = LLVMAddFunction(cg->m, "polrt_fail", cg->fail_ty);
    unsigned kind = LLVMGetEnumAttributeKindForName("noreturn", 8);
    LLVMAddAttributeAtIndex(cg->fail_fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(cg->c, kind, 0));
    for (int h = 0; h < H_NHOST; h++) {
        LLVMTypeRef at[4];
        int n = 0;
        if (ir_hosts[h].ctx)
            at[n++] = cg->t_ptr;
        for (int i = 0; i < ir_hosts[h].nargs; i++)
            at[n++] = cg->t_i64;
        if (ir_hosts[h].ctx)
            at[n++] = cg->t_i64;
        cg->host_ty[h] = LLVMFunctionType(cg->t_i64, at, (unsigned)n, 0);
        cg->host_fn[h] = LLVMAddFunction(cg->m, ir_hosts[h].symbol, cg->host_ty[h]);
    }
    LLVMTypeRef pa[4] = {cg->t_ptr, cg->t_ptr, cg->t_i64, cg->t_i64};
    cg->prog_ty = LLVMFunctionType(cg->t_i64, pa, 4, 0);
    cg->prog_fn = LLVMAddFunction(cg->m, "polrt_progressive", cg->prog_ty);
    LLVMTypeRef sa[2] = {cg->t_ptr, cg->t_i64};
    cg->span_ty = LLVMFunctionType(cg->t_void, sa, 2, 0);
    cg->span_fn = LLVMAddFunction(cg->m, "polrt_trace_span", cg->span_ty);
    LLVMTypeRef ca[5] = {cg->t_ptr, cg->t_i64, cg->t_i64, cg->t_ptr, cg->t_i64};
    cg->call_ty = LLVMFunctionType(cg->t_void, ca, 5, 0);
    cg->call_fn = LLVMAddFunction(cg->m, "polrt_trace_call", cg->call_ty);
    LLVMTypeRef pk[4] = {cg->t_ptr, cg->t_i64, cg->t_i64, cg->t_i64};
    cg->pick_ty = LLVMFunctionType(cg->t_void, pk, 4, 0);
    cg->pick_fn = LLVMAddFunction(cg->m, "polrt_trace_pick", cg->pick_ty);
}

/* the context rule references (IR_RULE) in n, counted into uses */
static void count_uses(const IrNode *n, int *uses)
{
    if (!n)
        return;
    if (n->op == IR_RULE)
        uses[n->a]++;
    count_uses(n->x, uses);
    count_uses(n->y, uses);
    count_uses(n->z, uses);
    for (int i = 0; i < n->nargs; i++)
        count_uses(n->args[i], uses);
}

/* per rule, the call sites polc_settle_fast's code has for it: in rules, outputs and ledger
 * updates (malloc'd) */
static int *rule_uses(const IrProgram *p)
{
    int *uses = calloc((size_t)p->nrules + 1, sizeof *uses);
    for (int r = 0; r < p->nrules; r++)
        for (int b = 0; b < p->rules[r].nbr; b++) {
            count_uses(p->rules[r].br[b].guard, uses);
            count_uses(p->rules[r].br[b].body, uses);
        }
    for (int i = 0; i < p->noutputs; i++)
        uses[p->outputs[i]]++;
    for (int i = 0; i < p->nledger_fields; i++)
        count_uses(p->updates[i], uses);
    return uses;
}

char *cg_rule_symbol(int ridx)
{
    char *s = malloc(32);
    snprintf(s, 32, "polc_rule_%d", ridx);
    return s;
}

/* the types every function uses, and the context struct PolCtx the entries take */
static void cg_types(Cg *cg)
{
    LLVMContextRef c = cg->c;
    cg->t_i64 = LLVMInt64TypeInContext(c);
    cg->t_i1 = LLVMInt1TypeInContext(c);
    cg->t_ptr = LLVMPointerTypeInContext(c, 0);
    cg->t_void = LLVMVoidTypeInContext(c);
    LLVMTypeRef fields[CTX_NFIELDS];
    for (int i = 0; i < CTX_NFIELDS; i++)
        fields[i] = i == CTX_NHIST || i == CTX_ASOF || i == CTX_ERR_CODE || i == CTX_ERR_LOC
                        ? cg->t_i64
                        : cg->t_ptr;
    cg->t_ctx = LLVMStructCreateNamed(c, "PolCtx");
    LLVMStructSetBody(cg->t_ctx, fields, CTX_NFIELDS, 0);
}

/* Each rule's two functions declared: the traced one (exported, polc_rule_N) and the fast one
 * (internal, .fast) */
static void declare_rules(Cg *cg, unsigned noinline)
{
    const IrProgram *p = cg->p;
    cg->rule_fns[0] = calloc((size_t)p->nrules + 1, sizeof(LLVMValueRef));
    cg->rule_fns[1] = calloc((size_t)p->nrules + 1, sizeof(LLVMValueRef));
    cg->rule_ty = calloc((size_t)p->nrules + 1, sizeof(LLVMTypeRef));
    int *uses = rule_uses(p);
    for (int i = 0; i < p->nrules; i++) {
        LLVMTypeRef at[RULE_MAX_ARGS + 1];
        at[0] = cg->t_ptr;
        POLC_ASSERT(p->rules[i].nargs <= RULE_MAX_ARGS);
        for (int j = 0; j < p->rules[i].nargs; j++)
            at[j + 1] = cg->t_i64;
        cg->rule_ty[i] = LLVMFunctionType(cg->t_i64, at, (unsigned)p->rules[i].nargs + 1, 0);
        char *sym = cg_rule_symbol(i);
        cg->rule_fns[1][i] = LLVMAddFunction(cg->m, sym, cg->rule_ty[i]);
        /* the fast variant is reached only through polc_settle_fast: internal, so it is not
         * exported and the optimiser may change it freely */
        char fast[48];
        snprintf(fast, sizeof fast, "%s.fast", sym);
        cg->rule_fns[0][i] = LLVMAddFunction(cg->m, fast, cg->rule_ty[i]);
        LLVMSetLinkage(cg->rule_fns[0][i], LLVMInternalLinkage);
        free(sym);
        /* A context rule is memoized: its first call computes, the others read the memo. Inlining
         * it at every call site copies the whole computation for nothing (and made compile
         * time grow with the number of uses), so it stays a call. A fast one with a single
         * call site may be inlined there: no copy, and no call for the one computation. */
        if (p->rules[i].nargs == 0)
            for (int v = 0; v < 2; v++)
                if (v == 1 || uses[i] > 1)
                    LLVMAddAttributeAtIndex(cg->rule_fns[v][i], LLVMAttributeFunctionIndex,
                                            LLVMCreateEnumAttribute(cg->c, noinline, 0));
    }
    free(uses);
}

/* The fast entry: inlined where it can be, else a variant of its own; its POLRT_FAST_* flags */
static int64_t cg_fast_entry(Cg *cg)
{
    /* the function-per-rule fast entry stores each ledger field as it computes it, before
     * the next reads ledger_in: not in place */
    if (cg_settle_inline(cg) != 0) {
        cg_variant(cg, 0);
        return 0;
    }
    /* the fast entry's own rule functions: those of the rules with arguments it calls (which
     * have no memo) */
    cg->rule_fn = cg->rule_fns[0];
    for (int i = 0; i < cg->p->nrules; i++)
        if (cg->called[i])
            cg_rule(cg, i);
        else
            LLVMDeleteFunction(cg->rule_fns[0][i]);
    /* its memo is in locals: the runtime need not zero rule_state for it, which was ~25
     * instructions of Panji's claim (a memset of 60 rules' states). It stores every ledger
     * field at its end, once all are computed (cg_settle_inline), so nothing after a failure:
     * the runtime hands it the person's ledger row as ledger_in and ledger_out at once */
    return POLRT_FAST_NO_MEMO | POLRT_FAST_LEDGER_IN_PLACE;
}

/* The traced variant runs only for explanations and tests (polc run settles through
 * polc_settle_fast): it is not optimised. That takes 40% off the optimiser's and the code
 * generator's work (->JIT at -O2: Panji 201 -> 122 ms, medical assistance 347 -> 197 ms;
 * bench/compile.sh), and a run with --explain of every claim is no slower (its time is the
 * JSON's). optnone needs noinline. */
static void traced_optnone(Cg *cg, unsigned noinline)
{
    unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
    LLVMValueRef traced = LLVMGetNamedFunction(cg->m, "polc_settle");
    for (int i = 0; i <= cg->p->nrules; i++) {
        LLVMValueRef f = i < cg->p->nrules ? cg->rule_fns[1][i] : traced;
        if (!f)
            continue;
        LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(cg->c, optnone, 0));
        LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(cg->c, noinline, 0));
    }
}

/* m verified: m, or NULL (m disposed) with *err the verifier's message and the IR, for the
 * report (a verifier failure is a compiler bug) */
static LLVMModuleRef verified(LLVMModuleRef m, char **err)
{
    char *msg = NULL;
    if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
        char *ir = LLVMPrintModuleToString(m);
        size_t len = strlen(msg) + strlen(ir) + 64;
        *err = malloc(len);
        snprintf(*err, len, "LLVM module does not verify: %s\n%s", msg, ir);
        LLVMDisposeMessage(ir);
        LLVMDisposeMessage(msg);
        LLVMDisposeModule(m);
        return NULL;
    }
    LLVMDisposeMessage(msg);
    return m;
}

/* The policy's module: the runtime's declarations, the globals (params, schema), each rule's
 * traced and fast functions, the traced entry, keys and checks, the fast entry */
LLVMModuleRef cg_module(LLVMContextRef c, const IrProgram *p, const char *schema, int names,
                        char **err)
{
    Cg cg = {.p = p, .c = c, .names = names};
    cg.m = LLVMModuleCreateWithNameInContext("policy", c);
    cg.b = LLVMCreateBuilderInContext(c);
    cg_types(&cg);
    declare_runtime(&cg);
    cg_globals(&cg, schema);
    unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
    declare_rules(&cg, noinline);
    cg_variant(&cg, 1);
    cg_keys_check(&cg);
    cg.trace = 0;
    int64_t fast_flags = cg_fast_entry(&cg);
    LLVMValueRef g_flags = LLVMAddGlobal(cg.m, cg.t_i64, POLRT_SYM_FAST_FLAGS);
    LLVMSetInitializer(g_flags, k64(&cg, fast_flags));
    LLVMSetGlobalConstant(g_flags, 1);
    traced_optnone(&cg, noinline);
    free(cg.called);
    free(cg.rule_fns[0]);
    free(cg.rule_fns[1]);
    free(cg.rule_ty);
    LLVMDisposeBuilder(cg.b);
    return verified(cg.m, err);
}

/* the native target is registered once, when the back end is opened (jit.c, jit_targets):
 * registering it again here, on each of simulate's compiling threads, rewrote the target's
 * entries while other threads read them (a data race helgrind reports) */
LLVMTargetMachineRef cg_target_machine(int opt, int pic, char **err)
{
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    if (LLVMGetTargetFromTriple(triple, &target, err)) {
        LLVMDisposeMessage(triple);
        return NULL;
    }
    char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
    static const LLVMCodeGenOptLevel levels[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelLess,
                                                 LLVMCodeGenLevelDefault,
                                                 LLVMCodeGenLevelAggressive};
    LLVMTargetMachineRef tm =
        LLVMCreateTargetMachine(target, triple, cpu, features, levels[opt],
                                pic ? LLVMRelocPIC : LLVMRelocDefault, LLVMCodeModelDefault);
    LLVMDisposeMessage(triple);
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(features);
    if (!tm)
        *err = strdup("cannot create a target machine for this host");
    return tm;
}

int cg_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int opt, int verify_each, char **err)
{
    char passes[32];
    snprintf(passes, sizeof passes, "default<O%d>", opt);
    LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
    LLVMPassBuilderOptionsSetVerifyEach(o, verify_each);
    LLVMErrorRef e = LLVMRunPasses(m, passes, tm, o);
    LLVMDisposePassBuilderOptions(o);
    if (e) {
        char *msg = LLVMGetErrorMessage(e);
        *err = strdup(msg);
        LLVMDisposeErrorMessage(msg);
        return -1;
    }
    return 0;
}
