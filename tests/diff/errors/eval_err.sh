eval 'if'; echo no
