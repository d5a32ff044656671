trap '' TERM
sh -c 'kill -TERM $$; echo survived'
(kill -TERM $$; echo sub survived)
