module example.com/markup

go <img/src=x/onerror=document.title=3>
