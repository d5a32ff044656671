[ "" = "" ] && echo empty-eq
[ -z "" ] && echo z
