case foo in f*) echo f;; esac; echo next
