case x in x) ;; esac
echo "status $?"
