x='*'
case abc in "$x") echo literal;; *) echo glob;; esac
case '*' in "$x") echo literal;; esac
p='a*'
case abc in $p) echo var-glob;; esac
