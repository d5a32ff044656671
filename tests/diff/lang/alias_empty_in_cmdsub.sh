# An alias that gives nothing leaves a command substitution empty, which is
# allowed: "$(e )" is "" (found by the differential fuzzer).
alias e='' l='echo x ' n='e '
echo "[$(e )]" "[$(e)]" "[`e`]"
echo "[$(
e
)]" "[$(l e)]" "[$(n)]" "[$(n e)]"
x=$(e ); echo "x=$x st=$?"
printf '%c.' $(e )ab"d"; echo
