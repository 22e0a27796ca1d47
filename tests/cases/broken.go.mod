module example.com/broken

go 1.21

require (
	github.com/a/a v1.2.3
	github.com/b/b
)

replace x =>
