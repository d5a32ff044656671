false || echo ok
