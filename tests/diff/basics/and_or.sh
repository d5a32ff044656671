true && echo a
false && echo b
false || echo c
true || echo d
false && echo e || echo f
true || echo g && echo h
false || false || echo i
