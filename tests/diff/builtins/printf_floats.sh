printf '%.2f %e %g\n' 3.14159 1234.5 0.0001
printf '%8.3f|\n' 2.5
