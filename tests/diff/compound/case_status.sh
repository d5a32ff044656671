case x in y) echo no;; esac
echo $?
case x in x) (exit 3);; esac
echo $?
