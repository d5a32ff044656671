if true; then echo yes; fi > f
cat f
