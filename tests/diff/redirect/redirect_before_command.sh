> f echo first
cat f
< f cat
