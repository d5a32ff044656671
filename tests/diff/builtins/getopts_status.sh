OPTIND=1
getopts a o -a; echo "$? $o"
getopts a o -a; echo "$? $o"
