module example.com/markup // <img src=x onerror="document.title=1">

require   <b>bold</b>   v1.0.0 // <script>document.title=2</script>
