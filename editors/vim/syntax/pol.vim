" Vim syntax file — polc policies (.pol): spec/LANGUAGE.md §1. Keywords and their Chinese
" aliases (the lexer's one table, compiler/parser.y kw_lookup), money, rate, duration and date
" literals, citations (cites "第四条", and 第X条 in comments), comments, full-width punctuation.
" Install: copy or symlink editors/vim/syntax and editors/vim/ftdetect into ~/.vim/.
if exists("b:current_syntax")
  finish
endif

" identifiers may be Chinese: every character above ASCII is part of a word
setlocal iskeyword=@,48-57,_,192-255
syn iskeyword @,48-57,_,192-255

syn keyword polDecl      policy 政策 reform 改革 claim 理赔 person 人员 history 履历
syn keyword polDeclType  enum 枚举 nextgroup=polTypeName skipwhite
syn keyword polDecl      output 输出 test 测试 reject 拒收
syn keyword polDeclRule  rule 规则 extern nextgroup=polRuleName skipwhite
syn keyword polDeclParam param 参数 nextgroup=polParamName skipwhite
syn keyword polDeclType  ledger 台账 nextgroup=polTypeName skipwhite
syn keyword polControl   if 如果 then 则 else 否则 when 当 exception 例外 over 优先于
syn keyword polControl   expect 预期 fails
syn keyword polOperWord  and 且 or 或 not 非 in for where default
syn keyword polKeyword   source 文号 valid 有效 from 自 to 至 dated by per of above 超过 at 按
syn keyword polCites     cites 依据 nextgroup=polCitation skipwhite
syn keyword polUnit      yuan 元 万元 day days 天 workday workdays 工作日 个工作日
syn keyword polUnit      month months 个月 year years 年
syn keyword polBoolean   true 是 false 否
syn keyword polType      money 金额 rate 比例 int 整数 bool 布尔 date 日期 brackets 分段
syn keyword polBuiltin   min max pos clamp present month_after 次月 progressive trunc floor any all count sum

" later matches win at the same place: a plain number first
syn match   polNumber    "\<\d\+\%(\.\d\+\)\=\>"
syn match   polDate      "\<\d\{4}-\d\{2}-\d\{2}\>"
syn match   polMoney     "\<\d\+\%(\.\d\+\)\=\s*\%(万元\|元\|yuan\>\)"
syn match   polRate      "\<\d\+\%(\.\d\+\)\=\s*[%％]"
syn match   polDuration  "\<\d\+\s*\%(个工作日\|工作日\|个月\|天\|年\|\%(workdays\=\|days\=\|months\=\|years\=\)\>\)"
syn match   polOperator  "+=\|!=\|<=\|>=\|[-+*/<>=?]"
syn match   polFullWidth "[，：（）＝＋－．。［］｛｝、＜＞　；！“”≤≥≠×÷−]"

syn region  polString    start=+"+ skip=+\\.+ end=+"\|$+ contains=polEscape
syn match   polEscape    "\\." contained
syn region  polCitation  start=+"+ skip=+\\.+ end=+"\|$+ contained
syn match   polArticle   "第[一二三四五六七八九十百零〇两0-9]\+条" contained
syn match   polComment   "#.*$" contains=polArticle,polTodo
syn keyword polTodo      TODO FIXME XXX contained

" the name a declaration introduces
syn match   polRuleName  "\k\+" contained
syn match   polParamName "\k\+" contained
syn match   polTypeName  "\k\+" contained

hi def link polDecl      Structure
hi def link polDeclRule  Structure
hi def link polDeclParam Structure
hi def link polDeclType  Structure
hi def link polControl   Conditional
hi def link polOperWord  Operator
hi def link polKeyword   Keyword
hi def link polCites     Keyword
hi def link polCitation  Underlined
hi def link polArticle   Underlined
hi def link polUnit      Type
hi def link polBoolean   Boolean
hi def link polType      Type
hi def link polBuiltin   Function
hi def link polDate      Constant
hi def link polMoney     Number
hi def link polRate      Number
hi def link polDuration  Number
hi def link polNumber    Number
hi def link polOperator  Operator
hi def link polFullWidth Error
hi def link polString    String
hi def link polEscape    SpecialChar
hi def link polComment   Comment
hi def link polTodo      Todo
hi def link polRuleName  Function
hi def link polParamName Identifier
hi def link polTypeName  Typedef

let b:current_syntax = "pol"
