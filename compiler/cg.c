/* cg.c — IR to LLVM IR (LLVM-C 19). One function per rule (context rules memoized in the
 * PolCtx), generated twice by the same code: traced (polc_settle: the branch, parameter
 * version and table entry each rule used, for explanations) and untraced (polc_settle_fast:
 * the same outputs, ledgers and failures, no bookkeeping); polc_keys and polc_check as the
 * other entry points, the schema and the default parameter table as constant globals. Money
 * is i64 fen; +, -, * and negation use the llvm.s*.with.overflow intrinsics and fail through
 * polrt_fail with the source position; money × rate is computed inline when the product fits
 * in 64 bits; other rounding and calendar arithmetic calls the runtime's helpers, the same
 * functions the interpreter calls, so all evaluators agree bit for bit. */
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
} Cg;

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

static LLVMValueRef checked(Cg *cg, const char *intrinsic, LLVMValueRef x, LLVMValueRef y, int loc)
{
    unsigned id = LLVMLookupIntrinsicID(intrinsic, strlen(intrinsic));
    LLVMTypeRef pt = cg->t_i64;
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->m, id, &pt, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->c, id, &pt, 1);
    LLVMValueRef args[2] = {x, y};
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, f, args, 2, "");
    LLVMValueRef v = LLVMBuildExtractValue(cg->b, r, 0, nm(cg, "v"));
    LLVMValueRef o = LLVMBuildExtractValue(cg->b, r, 1, nm(cg, "ovf"));
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

/* Money × rate and rate × rate (x × y / 10^6, rounded half away from zero to the fen or the
 * millionth), bit for bit what polrt_mul_rate and polrt_rate_mul_rate compute, without a call
 * on the common path. When x × y fits in 64 bits (an amount below 92 billion yuan at a rate
 * up to 100%), the quotient and remainder by the constant 10^6 are a multiply and shift, the
 * remainder says the rounding (ties away from zero: |r| >= 500000, r has the sign of x × y),
 * and the rounded result, at most |x × y| / 10^6 + 1, cannot overflow. Otherwise the helper
 * computes it in 128 bits and fails on overflow. tests/unit/test_money.c checks this formula,
 * written in C, against the helper. */
static LLVMValueRef cg_mul_rate(Cg *cg, HostId h, LLVMValueRef *vals, int loc)
{
    static const char name[] = "llvm.smul.with.overflow";
    unsigned id = LLVMLookupIntrinsicID(name, sizeof name - 1);
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(cg->m, id, &cg->t_i64, 1);
    LLVMTypeRef ft = LLVMIntrinsicGetType(cg->c, id, &cg->t_i64, 1);
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, f, vals, 2, "");
    LLVMValueRef prod = LLVMBuildExtractValue(cg->b, r, 0, nm(cg, "prod"));
    LLVMValueRef wide = unlikely(cg, LLVMBuildExtractValue(cg->b, r, 1, nm(cg, "wide")));
    LLVMBasicBlockRef b_slow = block(cg, "rate.wide"), b_fast = block(cg, "rate.fast"),
                      done = block(cg, "rate.done");
    LLVMBuildCondBr(cg->b, wide, b_slow, b_fast);

    LLVMPositionBuilderAtEnd(cg->b, b_fast);
    LLVMValueRef scale = k64(cg, POLRT_RATE_ONE);
    LLVMValueRef q = LLVMBuildSDiv(cg->b, prod, scale, "");
    LLVMValueRef rem = LLVMBuildSRem(cg->b, prod, scale, "");
    LLVMValueRef up = LLVMBuildICmp(cg->b, LLVMIntSGE, rem, k64(cg, POLRT_RATE_ONE / 2), "");
    LLVMValueRef down = LLVMBuildICmp(cg->b, LLVMIntSLE, rem, k64(cg, -(POLRT_RATE_ONE / 2)), "");
    q = LLVMBuildAdd(cg->b, q, to_i64(cg, up), "");
    q = LLVMBuildSub(cg->b, q, to_i64(cg, down), nm(cg, "rounded"));
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, b_slow);
    LLVMValueRef v_slow = call_host(cg, h, vals, loc);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    return phi2(cg, q, b_fast, v_slow, slow_end);
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
    LLVMValueRef r = to_i64(cg, truth(cg, cg_expr(cg, n->y)));
    LLVMBasicBlockRef rhs_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    return phi2(cg, k64(cg, n->op == IR_AND ? 0 : 1), from, r, rhs_end);
}

static LLVMValueRef cg_if(Cg *cg, const IrNode *n)
{
    LLVMValueRef c = cg_expr(cg, n->x);
    LLVMBasicBlockRef bt = block(cg, "then"), be = block(cg, "else"), done = block(cg, "endif");
    LLVMBuildCondBr(cg->b, truth(cg, c), bt, be);
    LLVMPositionBuilderAtEnd(cg->b, bt);
    LLVMValueRef vt = cg_expr(cg, n->y);
    LLVMBasicBlockRef bt_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, be);
    LLVMValueRef ve = cg_expr(cg, n->z);
    LLVMBasicBlockRef be_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);
    LLVMPositionBuilderAtEnd(cg->b, done);
    return phi2(cg, vt, bt_end, ve, be_end);
}

/* max/min/sum/any/all/count over the person's history spans: a loop with the accumulator in
 * entry-block allocas (promoted to registers by mem2reg) */
static LLVMValueRef cg_agg(Cg *cg, const IrNode *n)
{
    LLVMValueRef i = entry_alloca(cg, "i"), acc = entry_alloca(cg, "acc"),
                 found = entry_alloca(cg, "found");
    int kind = n->a;
    LLVMBuildStore(cg->b, k64(cg, 0), i);
    LLVMBuildStore(cg->b, k64(cg, kind == 4 ? 1 : 0), acc);
    LLVMBuildStore(cg->b, k64(cg, 0), found);
    LLVMValueRef nhist = ctx_load(cg, CTX_NHIST);
    LLVMValueRef hist = ctx_load(cg, CTX_HIST);
    LLVMBasicBlockRef head = block(cg, "agg.head"), body = block(cg, "agg.body"),
                      next = block(cg, "agg.next"), done = block(cg, "agg.done");
    LLVMBuildBr(cg->b, head);
    LLVMPositionBuilderAtEnd(cg->b, head);
    LLVMValueRef iv = LLVMBuildLoad2(cg->b, cg->t_i64, i, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, iv, nhist, ""), body, done);
    LLVMPositionBuilderAtEnd(cg->b, body);
    LLVMValueRef saved = cg->v_span;
    cg->v_span = elem_ptr(cg, hist, LLVMBuildMul(cg->b, iv, k64(cg, cg->p->nhist), ""));
    if (cg->trace) { /* the span is read: an explanation lists it */
        LLVMValueRef sa[2] = {cg->v_ctx, iv};
        LLVMBuildCall2(cg->b, cg->span_ty, cg->span_fn, sa, 2, "");
    }
    if (kind == 4) { /* all: stop at the first span that fails the condition */
        LLVMValueRef c = n->y ? cg_expr(cg, n->y) : k64(cg, 1);
        LLVMBasicBlockRef no = block(cg, "agg.no");
        LLVMBuildCondBr(cg->b, truth(cg, c), next, no);
        LLVMPositionBuilderAtEnd(cg->b, no);
        LLVMBuildStore(cg->b, k64(cg, 0), acc);
        LLVMBuildBr(cg->b, done);
    } else {
        if (n->y) {
            LLVMValueRef c = cg_expr(cg, n->y);
            LLVMBasicBlockRef yes = block(cg, "agg.yes");
            LLVMBuildCondBr(cg->b, truth(cg, c), yes, next);
            LLVMPositionBuilderAtEnd(cg->b, yes);
        }
        LLVMValueRef a = LLVMBuildLoad2(cg->b, cg->t_i64, acc, "");
        switch (kind) {
        case 0:
        case 1: {
            LLVMValueRef v = cg_expr(cg, n->x);
            if (cg->trace) { /* a candidate: an explanation lists it */
                LLVMValueRef pa[4] = {cg->v_ctx, k64(cg, n->loc), iv, v};
                LLVMBuildCall2(cg->b, cg->pick_ty, cg->pick_fn, pa, 4, "");
            }
            a = LLVMBuildLoad2(cg->b, cg->t_i64, acc, "");
            LLVMValueRef f = LLVMBuildLoad2(cg->b, cg->t_i64, found, "");
            LLVMValueRef better =
                LLVMBuildICmp(cg->b, kind == 0 ? LLVMIntSGT : LLVMIntSLT, v, a, "");
            LLVMValueRef first = LLVMBuildICmp(cg->b, LLVMIntEQ, f, k64(cg, 0), "");
            LLVMBuildStore(cg->b,
                           LLVMBuildSelect(cg->b, LLVMBuildOr(cg->b, first, better, ""), v, a, ""),
                           acc);
            LLVMBuildStore(cg->b, k64(cg, 1), found);
            break;
        }
        case 2: {
            LLVMValueRef v = cg_expr(cg, n->x);
            a = LLVMBuildLoad2(cg->b, cg->t_i64, acc, "");
            LLVMBuildStore(cg->b, checked(cg, "llvm.sadd.with.overflow", a, v, n->loc), acc);
            break;
        }
        case 3:
            LLVMBuildStore(cg->b, k64(cg, 1), acc);
            LLVMBuildBr(cg->b, done);
            break;
        case 5: LLVMBuildStore(cg->b, LLVMBuildAdd(cg->b, a, k64(cg, 1), ""), acc); break;
        default: POLC_UNREACHABLE();
        }
        if (kind != 3)
            LLVMBuildBr(cg->b, next);
    }
    cg->v_span = saved;
    LLVMPositionBuilderAtEnd(cg->b, next);
    LLVMBuildStore(cg->b,
                   LLVMBuildAdd(cg->b, LLVMBuildLoad2(cg->b, cg->t_i64, i, ""), k64(cg, 1), ""), i);
    LLVMBuildBr(cg->b, head);
    LLVMPositionBuilderAtEnd(cg->b, done);
    if (kind == 0 || kind == 1) {
        /* no span matched: the default */
        LLVMValueRef f = LLVMBuildLoad2(cg->b, cg->t_i64, found, "");
        LLVMBasicBlockRef dflt = block(cg, "agg.default"), end = block(cg, "agg.end");
        LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
        LLVMValueRef a = LLVMBuildLoad2(cg->b, cg->t_i64, acc, "");
        LLVMBuildCondBr(cg->b, truth(cg, f), end, dflt);
        LLVMPositionBuilderAtEnd(cg->b, dflt);
        LLVMValueRef d = cg_expr(cg, n->z);
        LLVMBasicBlockRef dflt_end = LLVMGetInsertBlock(cg->b);
        LLVMBuildBr(cg->b, end);
        LLVMPositionBuilderAtEnd(cg->b, end);
        return phi2(cg, a, from, d, dflt_end);
    }
    return LLVMBuildLoad2(cg->b, cg->t_i64, acc, "");
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
    case IR_PARAM: {
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
    case IR_PROGRESSIVE: {
        LLVMValueRef off = param_offset(cg, n->a, n->loc);
        LLVMValueRef seg = elem_ptr(cg, ctx_load(cg, CTX_PARAMS), off);
        LLVMValueRef args[4] = {cg->v_ctx, seg, cg_expr(cg, n->x), k64(cg, n->loc)};
        return LLVMBuildCall2(cg->b, cg->prog_ty, cg->prog_fn, args, 4, "");
    }
    case IR_RULE: return call_context_rule(cg, n->a);
    case IR_CALL: {
        LLVMValueRef args[33];
        POLC_ASSERT(n->nargs <= 32);
        args[0] = cg->v_ctx;
        for (int i = 0; i < n->nargs; i++)
            args[i + 1] = cg_expr(cg, n->args[i]);
        return LLVMBuildCall2(cg->b, cg->rule_ty[n->a], cg->rule_fn[n->a], args,
                              (unsigned)n->nargs + 1, "");
    }
    case IR_HOST: {
        LLVMValueRef vals[2];
        for (int i = 0; i < n->nargs; i++)
            vals[i] = cg_expr(cg, n->args[i]);
        if (n->a == H_MUL_RATE || n->a == H_RATE_MUL)
            return cg_mul_rate(cg, (HostId)n->a, vals, n->loc);
        return call_host(cg, (HostId)n->a, vals, n->loc);
    }
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
    cg->v_span = NULL;
    memset(cg->v_field, 0, sizeof cg->v_field);
}

/* the branches of a rule: the first whose date range and guard hold gives the value */
static void cg_branches(Cg *cg, int ridx)
{
    const IrRule *r = &cg->p->rules[ridx];
    LLVMValueRef result = entry_alloca(cg, "result");
    LLVMBasicBlockRef done = block(cg, "done");
    for (int i = 0; i < r->nbr; i++) {
        const IrBranch *br = &r->br[i];
        LLVMBasicBlockRef take = block(cg, "branch"), skip = block(cg, "next");
        if (br->from != INT64_MIN || br->to != INT64_MAX) {
            LLVMValueRef asof = ctx_load(cg, CTX_ASOF);
            LLVMValueRef in =
                LLVMBuildAnd(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGE, asof, k64(cg, br->from), ""),
                             LLVMBuildICmp(cg->b, LLVMIntSLT, asof, k64(cg, br->to), ""), "");
            LLVMBasicBlockRef g = block(cg, "guard");
            LLVMBuildCondBr(cg->b, in, g, skip);
            LLVMPositionBuilderAtEnd(cg->b, g);
        }
        if (br->guard)
            LLVMBuildCondBr(cg->b, truth(cg, cg_expr(cg, br->guard)), take, skip);
        else
            LLVMBuildBr(cg->b, take);
        LLVMPositionBuilderAtEnd(cg->b, take);
        LLVMBuildStore(cg->b, cg_expr(cg, br->body), result);
        /* recorded once the value is known: a rule that failed is not shown as evaluated */
        if (r->nargs == 0 && cg->trace)
            store_elem(cg, CTX_BRANCH, k64(cg, ridx), k64(cg, i));
        LLVMBuildBr(cg->b, done);
        LLVMPositionBuilderAtEnd(cg->b, skip);
    }
    emit_fail(cg, POLRT_E_NOVERSION, r->loc);
    LLVMPositionBuilderAtEnd(cg->b, done);
    LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->t_i64, result, nm(cg, "value"));
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
    LLVMValueRef args[33];
    for (int i = 0; i < r->nargs && i < 32; i++)
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

LLVMModuleRef cg_module(LLVMContextRef c, const IrProgram *p, const char *schema, int names,
                        char **err)
{
    Cg cg = {.p = p, .c = c, .names = names};
    cg.m = LLVMModuleCreateWithNameInContext("policy", c);
    cg.b = LLVMCreateBuilderInContext(c);
    cg.t_i64 = LLVMInt64TypeInContext(c);
    cg.t_i1 = LLVMInt1TypeInContext(c);
    cg.t_ptr = LLVMPointerTypeInContext(c, 0);
    cg.t_void = LLVMVoidTypeInContext(c);
    LLVMTypeRef fields[CTX_NFIELDS];
    for (int i = 0; i < CTX_NFIELDS; i++)
        fields[i] = i == CTX_NHIST || i == CTX_ASOF || i == CTX_ERR_CODE || i == CTX_ERR_LOC
                        ? cg.t_i64
                        : cg.t_ptr;
    cg.t_ctx = LLVMStructCreateNamed(c, "PolCtx");
    LLVMStructSetBody(cg.t_ctx, fields, CTX_NFIELDS, 0);
    declare_runtime(&cg);
    cg_globals(&cg, schema);
    cg.rule_fns[0] = calloc((size_t)p->nrules + 1, sizeof(LLVMValueRef));
    cg.rule_fns[1] = calloc((size_t)p->nrules + 1, sizeof(LLVMValueRef));
    cg.rule_ty = calloc((size_t)p->nrules + 1, sizeof(LLVMTypeRef));
    unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
    int *uses = rule_uses(p);
    for (int i = 0; i < p->nrules; i++) {
        LLVMTypeRef at[33];
        at[0] = cg.t_ptr;
        for (int j = 0; j < p->rules[i].nargs && j < 32; j++)
            at[j + 1] = cg.t_i64;
        cg.rule_ty[i] = LLVMFunctionType(cg.t_i64, at, (unsigned)p->rules[i].nargs + 1, 0);
        char *sym = cg_rule_symbol(i);
        cg.rule_fns[1][i] = LLVMAddFunction(cg.m, sym, cg.rule_ty[i]);
        /* the fast variant is reached only through polc_settle_fast: internal, so it is not
         * exported and the optimiser may change it freely */
        char fast[48];
        snprintf(fast, sizeof fast, "%s.fast", sym);
        cg.rule_fns[0][i] = LLVMAddFunction(cg.m, fast, cg.rule_ty[i]);
        LLVMSetLinkage(cg.rule_fns[0][i], LLVMInternalLinkage);
        free(sym);
        /* A context rule is memoized: its first call computes, the others read the memo. Inlining
         * it at every call site copies the whole computation for nothing (and made compile
         * time grow with the number of uses), so it stays a call. A fast one with a single
         * call site may be inlined there: no copy, and no call for the one computation. */
        if (p->rules[i].nargs == 0)
            for (int v = 0; v < 2; v++)
                if (v == 1 || uses[i] > 1)
                    LLVMAddAttributeAtIndex(cg.rule_fns[v][i], LLVMAttributeFunctionIndex,
                                            LLVMCreateEnumAttribute(c, noinline, 0));
    }
    free(uses);
    cg_variant(&cg, 1);
    cg_keys_check(&cg);
    cg_variant(&cg, 0);
    /* The traced variant runs only for explanations and tests (polc run settles through
     * polc_settle_fast): it is not optimised. That takes 40% off the optimiser's and the code
     * generator's work (->JIT at -O2: Panji 201 -> 122 ms, medical assistance 347 -> 197 ms;
     * bench/compile.sh), and a run with --explain of every claim is no slower (its time is the
     * JSON's). optnone needs noinline. */
    unsigned optnone = LLVMGetEnumAttributeKindForName("optnone", 7);
    LLVMValueRef traced = LLVMGetNamedFunction(cg.m, "polc_settle");
    for (int i = 0; i <= p->nrules; i++) {
        LLVMValueRef f = i < p->nrules ? cg.rule_fns[1][i] : traced;
        if (!f)
            continue;
        LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(c, optnone, 0));
        LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(c, noinline, 0));
    }
    free(cg.rule_fns[0]);
    free(cg.rule_fns[1]);
    free(cg.rule_ty);
    LLVMDisposeBuilder(cg.b);
    char *msg = NULL;
    if (LLVMVerifyModule(cg.m, LLVMReturnStatusAction, &msg)) {
        /* a verifier failure is a compiler bug: keep the IR for the report */
        char *ir = LLVMPrintModuleToString(cg.m);
        size_t len = strlen(msg) + strlen(ir) + 64;
        *err = malloc(len);
        snprintf(*err, len, "LLVM module does not verify: %s\n%s", msg, ir);
        LLVMDisposeMessage(ir);
        LLVMDisposeMessage(msg);
        LLVMDisposeModule(cg.m);
        return NULL;
    }
    LLVMDisposeMessage(msg);
    return cg.m;
}

LLVMTargetMachineRef cg_target_machine(int opt, int pic, char **err)
{
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
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
