" polc policies
autocmd BufNewFile,BufRead *.pol setfiletype pol
