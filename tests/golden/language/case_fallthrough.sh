# ;& (POSIX.1-2024) runs the next item's body too; dash 0.5.12 lacks it
case b in
a) echo a ;;
b) echo b ;&
c) echo c ;&
d) echo d ;;
e) echo e ;;
esac
case x in x) echo only ;& esac
