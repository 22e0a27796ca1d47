module   example.com/messy  // the messy one
go 1.21
require github.com/b/b v1.0.0
require (
github.com/a/a v1.2.3 // indirect
    golang.org/x/text v0.3.0
)
replace golang.org/x/text => ../text
exclude   github.com/a/a   v1.0.0
