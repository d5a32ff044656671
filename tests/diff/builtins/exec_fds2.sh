exec 5>&1; echo five >&5; exec 5>&-
{ exec 6>f6; }; echo six >&6; cat f6
