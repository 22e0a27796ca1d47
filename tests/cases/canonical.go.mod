module example.com/m

go 1.22

require example.com/a v1.0.0
