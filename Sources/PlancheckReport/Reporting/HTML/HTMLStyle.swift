/// The page's stylesheet, its script and the SVG patterns charts share. Inline, so the file works offline and
/// as an e-mail attachment; no web fonts (the reader's CJK font is used).
enum HTMLStyle {
    static let css = """
    :root{--e:#c62828;--e-bg:#fde3e1;--w:#9a5b00;--w-bg:#ffefc4;--n:#1559b0;--n-bg:#e2ecfa;--a:#6a1b9a;--a-bg:#eee0f6;
    --t:#00695c;--t-bg:#d3efe9;--p:#2e7d32;--p-bg:#e3f2e4;--v:#5f7480;--v-bg:#eef1f3;--x:#8a8a8a;--x-bg:#f6f6f6;
    --ink:#1c2733;--mute:#5f6b7a;--line:#d9dee5;--navy:#1f3a5f;--shade:#fbf1dc}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);background:#f2f4f7}
    a{color:#1d4f91}
    header.top{background:linear-gradient(90deg,#17304f,#24497a);color:#fff;padding:18px 28px 14px;border-bottom:4px solid #b71c1c}
    header.top h1{margin:0;font-size:21px;font-weight:700;letter-spacing:.5px}
    header.top p{margin:4px 0 0;color:#c9d6e6;font-size:13px}
    nav.toc{position:sticky;top:0;z-index:30;background:#fff;border-bottom:1px solid var(--line);padding:0 22px;display:flex;flex-wrap:wrap}
    nav.toc a{padding:9px 12px;color:var(--navy);text-decoration:none;font-weight:600;border-bottom:3px solid transparent}
    nav.toc a:hover{border-color:#b71c1c}
    main{padding:18px 28px 40px;max-width:1680px;margin:0 auto}
    section.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px;box-shadow:0 1px 3px rgba(16,24,40,.06)}
    h2{font-size:18px;margin:0 0 8px;color:var(--navy);border-left:4px solid #b71c1c;padding-left:10px}
    h3{font-size:15px;margin:0 0 6px;color:var(--navy)}
    .note{color:var(--mute);font-size:12.5px;margin:0 0 10px}
    small{color:var(--mute);font-weight:400}
    .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:10px;margin-bottom:12px}
    .kpi{border:1px solid var(--line);border-top:4px solid var(--c);border-radius:6px;padding:7px 11px;background:#fcfcfd}
    .kpi b{display:block;font-size:23px;line-height:1.25;color:var(--c)}
    .kpi span{color:var(--mute);font-size:12px}
    .ke{--c:var(--e)}.kw{--c:var(--w)}.kn{--c:var(--n)}.ka{--c:var(--a)}.kt{--c:var(--t)}.kp{--c:var(--p)}.kv{--c:var(--v)}.kx{--c:var(--x)}
    .obar{display:flex;height:26px;border-radius:5px;overflow:hidden;border:1px solid var(--line);font-size:12px;font-weight:700}
    .obar span{display:flex;align-items:center;justify-content:center;white-space:nowrap;overflow:hidden;min-width:2px}
    .e{background:var(--e-bg);color:var(--e)}.w{background:var(--w-bg);color:var(--w)}.n{background:var(--n-bg);color:var(--n)}
    .a{background:var(--a-bg);color:var(--a)}.t{background:var(--t-bg);color:var(--t)}.p{background:var(--p-bg);color:var(--p)}
    .v{background:var(--v-bg);color:var(--v)}.x{background:var(--x-bg);color:var(--x)}
    .tools{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:0 0 10px;font-size:13px}
    .tools select{font:inherit;padding:3px 6px;border:1px solid var(--line);border-radius:4px;background:#fff;max-width:320px}
    .legend{display:flex;flex-wrap:wrap;gap:6px 12px;font-size:12px;margin:0 0 10px;color:var(--mute)}
    .legend i{display:inline-block;min-width:20px;text-align:center;font-style:normal;font-weight:700;border-radius:3px;margin-right:4px;border:1px solid rgba(0,0,0,.08)}
    .mxwrap{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px}
    table.mx{border-collapse:separate;border-spacing:0;font-size:12.5px}
    .mx th,.mx td{border-right:1px solid #e9ecf0;border-bottom:1px solid #e9ecf0;padding:0;text-align:center;background-clip:padding-box}
    .mx thead th{position:sticky;z-index:3;background:#f5f7fa}
    .mx tr.g th{top:0;height:26px;font-size:12px;font-weight:700;color:var(--navy);white-space:nowrap;padding:0 4px;border-bottom:2px solid var(--line)}
    .mx tr.h th{top:26px;vertical-align:bottom;cursor:pointer;border-bottom:2px solid var(--line)}
    .mx th.r{width:27px;min-width:27px;max-width:27px;height:178px}
    .mx th.r span{writing-mode:vertical-rl;display:block;max-height:150px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;margin:4px auto 2px;font-weight:500}
    .mx th.r a{display:block;font-size:10px;text-decoration:none;padding-bottom:2px}
    .mx th[aria-sort] span,.mx th[aria-sort]{color:#b71c1c}
    .mx .nm{position:sticky;left:0;z-index:2;text-align:left;padding:2px 8px;white-space:nowrap;min-width:120px;background:#fff;border-right:2px solid var(--line)}
    .mx thead .nm{z-index:4;background:#f5f7fa}
    .mx .nm a{text-decoration:none;font-weight:600}
    .mx .nm small{margin-left:6px;font-size:11px}
    .mx td{height:25px;min-width:27px;font-weight:700}
    .mx td a{color:inherit;text-decoration:none;display:block}
    .mx tbody tr:hover>*{box-shadow:inset 0 -2px 0 #90a4ae}
    .mx tr.shade .nm{background:var(--shade)}
    .mx td.na{background:repeating-linear-gradient(135deg,#fff 0 3px,#eef0f3 3px 5px)}
    .mx td.c{font-weight:400;padding:0 7px;white-space:nowrap;color:var(--mute);background:#fff}
    .mx td.c.bad{color:var(--e);font-weight:700}
    .mx tr.absent .nm a{color:var(--mute)}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:14px}
    figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fff;break-inside:avoid}
    figure.chart figcaption{font-weight:700;color:var(--navy);font-size:14px}
    figure.chart svg{width:100%;height:auto;display:block}
    .rl{font-size:12px;color:var(--mute);display:flex;flex-wrap:wrap;gap:2px 14px}
    .rl b{display:inline-block;width:18px;border-top:2px dashed var(--lc);vertical-align:middle;margin-right:4px}
    svg text{font-family:inherit}
    table.agg{width:100%;border-collapse:collapse;font-size:13px}
    .agg th{text-align:left;white-space:nowrap;background:#f5f7fa;color:var(--navy);padding:6px 8px;border-bottom:2px solid var(--line);position:sticky;top:38px;z-index:2}
    .agg td{padding:6px 8px;border-bottom:1px solid #e9ecf0;vertical-align:top}
    .agg td[data-outcome]{text-align:center;font-weight:700;width:34px}
    .agg tbody.sub th{position:static;background:#eef2f7;font-size:12.5px}
    .agg .fig{min-width:300px}
    .agg svg{width:100%;max-width:640px;height:auto;display:block}
    .agg .tt{white-space:nowrap}
    h3.sub{font-size:13.5px;margin:14px 0 6px;padding:4px 8px;background:#eef2f7;border-radius:4px}
    .chips{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:0 14px;font-size:12.5px}
    .chip{padding:2px 0;border-bottom:1px dotted #e3e7ec;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
    .chip>span:first-child{display:inline-block;width:20px;text-align:center;font-weight:700;border-radius:3px}
    .miss{font-size:12px;color:var(--mute);margin-top:2px}
    .miss b{color:var(--e);font-weight:600}
    .dist{border-top:1px solid var(--line);padding:12px 0 4px}
    .dist h3 .cnt{font-size:12px;margin-left:8px}
    .dist.shade h3{background:linear-gradient(90deg,var(--shade),transparent 60%);padding:2px 6px;border-radius:4px}
    .ok{color:var(--p);font-size:13px;margin:0 0 6px}
    article.f{border:1px solid var(--line);border-left:5px solid var(--c);border-radius:5px;padding:8px 12px;margin:0 0 10px;break-inside:avoid;background:#fff}
    article.f.e{--c:var(--e)}article.f.w{--c:var(--w)}article.f.n{--c:var(--n)}article.f.a{--c:var(--a)}article.f.t{--c:var(--t)}
    article.f{color:var(--ink)}
    article.f header{font-weight:600}
    .badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;font-weight:700;margin-right:6px;border:1px solid rgba(0,0,0,.08)}
    code{font-family:"Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace;font-size:12.5px;background:#f1f3f6;padding:0 4px;border-radius:3px}
    .loc{font-size:12px;color:var(--mute);margin:2px 0}
    pre.src{margin:4px 0;padding:5px 8px;background:#f7f8fa;border:1px solid #e6e9ee;border-radius:4px;font:12.5px/1.5 "Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace;white-space:pre-wrap;word-break:break-all}
    pre.src .ln{color:#9aa5b1;user-select:none;margin-right:10px}
    pre.src mark{background:#ffe08a;color:#000;border-bottom:2px solid var(--c);padding:0 1px}
    .fr{margin:3px 0;font-size:13px}
    .fr>b{color:var(--mute);font-weight:600;margin-right:6px}
    blockquote{margin:3px 0;padding:2px 10px;border-left:3px solid #b71c1c;background:#fbf7f7;font-size:13px}
    .rules{columns:2 520px;column-gap:18px}
    .rule{break-inside:avoid;border:1px solid var(--line);border-radius:5px;padding:7px 10px;margin:0 0 10px;font-size:13px}
    .rule h3{font-size:13.5px;margin:0}
    .tally{font-size:12px}
    .tally span{display:inline-block;padding:0 5px;border-radius:3px;margin:2px 4px 0 0;font-weight:700}
    :target{outline:3px solid #f0b400;outline-offset:2px}
    @media print{
    @page{size:A4 landscape;margin:10mm}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{background:#fff;font-size:10.5pt}
    nav.toc,.tools{display:none}
    main{padding:0;max-width:none}
    section.card{border:none;box-shadow:none;padding:0;margin:0 0 8mm}
    header.top{padding:6mm 0 3mm;background:#17304f}
    .mxwrap{overflow:visible;max-height:none;border:none}
    .mx thead th,.mx .nm,.agg th{position:static}
    .mx thead{display:table-header-group}
    .mx tr{break-inside:avoid}
    #charts,#aggregates,#findings,#rules{break-before:page}
    .charts{grid-template-columns:1fr 1fr}
    figure.chart,.agg tr,article.f{break-inside:avoid}
    a{color:inherit;text-decoration:none}
    }

    """

    /// Added on a page of several runs: the index of runs at the top scrolls away (each run's own links stay at
    /// the top); each run starts a printed page, and the sections that start one on a page of one run
    /// (`#charts`, …) do so under their prefixed ids (`r2-charts`).
    static let severalRunsCSS = """
    nav.toc.runs{position:static;background:#17304f;border-bottom:none}
    nav.toc.runs a{color:#fff}
    @media print{
    .run+.run{break-before:page}
    section.card[id$="-charts"],section.card[id$="-aggregates"],section.card[id$="-findings"],section.card[id$="-rules"]{break-before:page}
    }

    """

    /// Hatching shared by every chart: a shortfall is striped as well as red, so it survives black-and-white print.
    static let patterns = """
    <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
    <pattern id="hatch-e" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fde3e1"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c62828" stroke-width="2.5"/></pattern>
    <pattern id="hatch-v" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b0bec5" stroke-width="2"/></pattern>
    </defs></svg>

    """

    /// Sorting and filtering. Small on purpose: the page must read the same without it (print, e-mail preview).
    static let script = script(idPrefix: "", scope: "")

    /// The script for one run's part of a page: its ids start with `idPrefix`, and its filters reach the elements
    /// below `scope` (a CSS selector and a space; empty for the whole page).
    static func script(idPrefix prefix: String, scope: String) -> String {
        """
    (function(){
    'use strict';
    var mx=document.getElementById('\(prefix)mx');
    if(!mx)return;
    var rank={e:0,w:1,n:2,a:3,t:4,p:5,v:6,x:7,na:8};
    var group=mx.tHead.rows[0],head=mx.tHead.rows[1],body=mx.tBodies[0];
    var style=document.createElement('style');
    document.head.appendChild(style);
    function key(cell){
      var v=cell.getAttribute('data-v');
      if(v!==null){return isNaN(Number(v))?v:Number(v);}
      var c=cell.className.split(' ')[0];
      return (c in rank)?rank[c]:9;
    }
    Array.prototype.forEach.call(head.cells,function(th,index){
      th.addEventListener('click',function(event){
        if(event.target.closest('a'))return;
        var down=th.getAttribute('aria-sort')==='ascending';
        Array.prototype.forEach.call(head.cells,function(other){other.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',down?'descending':'ascending');
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=key(a.cells[index]),y=key(b.cells[index]);
          var order=x<y?-1:(x>y?1:0);
          if(order===0){order=Number(a.cells[0].getAttribute('data-v'))-Number(b.cells[0].getAttribute('data-v'));return order;}
          return down?-order:order;
        });
        rows.forEach(function(row){body.appendChild(row);});
      });
    });
    var fs=document.getElementById('\(prefix)f-sec'),fv=document.getElementById('\(prefix)f-sev'),fk=document.getElementById('\(prefix)f-kind'),fb=document.getElementById('\(prefix)f-bad'),shown=document.getElementById('\(prefix)f-shown');
    function has(list,value){return (' '+list+' ').indexOf(' '+value+' ')>=0;}
    function apply(){
      var sec=fs.value,sev=fv.value,kind=fk.value,bad=fb.checked,rules=[],counts={},visibleRules=0,visibleRows=0;
      Array.prototype.forEach.call(head.cells,function(th,index){
        var s=th.getAttribute('data-sec');
        if(s===null)return;
        if((sec===''||s===sec)&&(sev===''||th.getAttribute('data-sev')===sev)){counts[s]=(counts[s]||0)+1;visibleRules++;}
        else{rules.push('#\(prefix)mx tr.h>:nth-child('+(index+1)+'),#\(prefix)mx tbody>tr>:nth-child('+(index+1)+')');}
      });
      style.textContent=rules.length?rules.join(',')+'{display:none}':'';
      Array.prototype.forEach.call(group.cells,function(th){
        var s=th.getAttribute('data-sec');
        if(s===null)return;
        var n=counts[s]||0;
        th.style.display=n?'':'none';
        if(n)th.colSpan=n;
      });
      Array.prototype.forEach.call(body.rows,function(row){
        var show=(kind===''||row.getAttribute('data-kind')===kind)&&(!bad||row.hasAttribute('data-bad'));
        row.style.display=show?'':'none';
        if(show)visibleRows++;
      });
      if(shown)shown.textContent=visibleRows+' × '+visibleRules;
      document.querySelectorAll('\(scope).fl').forEach(function(el){
        var s=el.getAttribute('data-sec'),v=el.getAttribute('data-sev'),k=el.getAttribute('data-kind');
        var show=(sec===''||s===null||has(s,sec))&&(sev===''||v===null||has(v,sev))&&(kind===''||k===null||k===kind);
        el.style.display=show?'':'none';
      });
    }
    [fs,fv,fk,fb].forEach(function(control){if(control)control.addEventListener('change',apply);});
    apply();
    })();

    """
    }
}
