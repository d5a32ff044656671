echo before
| cat
