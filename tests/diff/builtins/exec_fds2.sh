exec 5>&1; echo five >&5; exec 5>&-
{ exec 6>f6; }; echo six >&6; cat f6
exec 6>&-   # closed by the script: Valgrind's --track-fds counts fds left open at exit
