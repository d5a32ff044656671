echo if then fi for do done
x=if; echo $x
echo { }
{ echo in; }
