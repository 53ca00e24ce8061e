<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDetailView</name>
    <message>
        <source>No account opened</source>
        <translation>未打开客户档案</translation>
    </message>
    <message>
        <source>Search, then press Enter on a result to open it.</source>
        <translation>请先查询，在结果上按回车键打开档案。</translation>
    </message>
    <message>
        <source>Show in &amp;full</source>
        <translation>显示完整信息(&amp;F)</translation>
    </message>
    <message>
        <source>Shown in full (logged)</source>
        <translation>已显示完整信息（已记录）</translation>
    </message>
    <message>
        <source>Premises address</source>
        <translation>用气地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用气信息</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Gas use</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Low income</source>
        <translation>低保/低收入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Route book</source>
        <translation>抄表本</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Show the full ID number and phones; the viewing is written to the audit log.</source>
        <translation>显示完整的证件号码和电话；查看操作将记入审计日志。</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}：</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>表具信息</translation>
    </message>
    <message>
        <source>installed {date}</source>
        <translation>{date} 安装</translation>
    </message>
    <message>
        <source>installation date unknown</source>
        <translation>安装日期不详</translation>
    </message>
    <message>
        <source>{number}: {kind}, {digits} digits
{installed}, {status}</source>
        <translation>{number}：{kind}，{digits} 位
{installed}，{status}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建客户档案</translation>
    </message>
    <message>
        <source>Edit account {number}</source>
        <translation>修改客户档案（户号 {number}）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S or Enter)</source>
        <translation>保存（Ctrl+S 或回车）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AccountDueView</name>
    <message>
        <source>Find an account: type its number, meter number, phone or name.</source>
        <translation>查找客户：请输入户号、表号、电话或客户名称。</translation>
    </message>
    <message>
        <source>Arrears (yuan)</source>
        <translation>欠费（元）</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Ticked bills (yuan)</source>
        <translation>已选账单（元）</translation>
    </message>
    <message>
        <source>IC card meter</source>
        <translation>IC卡表</translation>
    </message>
    <message>
        <source>Billed meter</source>
        <translation>非IC卡表</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Shown masked. Leave it to keep the stored number, or type the whole new number.</source>
        <translation>已脱敏显示。不修改则保留原号码；如需更改，请输入完整的新号码。</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <source>Area code-number</source>
        <translation>区号-号码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>客户名称(&amp;N)</translation>
    </message>
    <message>
        <source>ID t&amp;ype</source>
        <translation>证件类型(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>证件号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation>街道(&amp;T)</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Wall-hung heating boiler</source>
        <translation>壁挂炉采暖</translation>
    </message>
    <message>
        <source>Low-income household</source>
        <translation>低保/低收入家庭</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用气信息</translation>
    </message>
    <message>
        <source>&amp;User type</source>
        <translation>客户类型(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Gas use</source>
        <translation>用气类型(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Household size</source>
        <translation>家庭人口(&amp;H)</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Low income</source>
        <translation>低保/低收入</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Route book</source>
        <translation>抄表本(&amp;R)</translation>
    </message>
    <message>
        <source>Yes, on</source>
        <translation>是，安装于</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表具信息</translation>
    </message>
    <message>
        <source>Meter n&amp;o.</source>
        <translation>表号(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>表具类型(&amp;K)</translation>
    </message>
    <message>
        <source>Register &amp;digits</source>
        <translation>表位数(&amp;D)</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>表具状态</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}：</translation>
    </message>
</context>
<context>
    <name>AccountHistoryView</name>
    <message>
        <source>No account opened</source>
        <translation>未打开客户档案</translation>
    </message>
    <message>
        <source>&amp;Bills</source>
        <translation>账单(&amp;B)</translation>
    </message>
    <message>
        <source>Rea&amp;dings</source>
        <translation>抄表记录(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Consumption chart</source>
        <translation>用气量图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reverse bill…</source>
        <translation>冲正账单(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancel the selected bill with a reversal bill; its reading goes back to review.</source>
        <translation>开具冲正账单抵消所选账单；该账单的读数退回待审核。</translation>
    </message>
    <message>
        <source>Credit: {amount} yuan</source>
        <translation>余额：{amount} 元</translation>
    </message>
    <message>
        <source>Owed: {amount} yuan</source>
        <translation>欠费：{amount} 元</translation>
    </message>
    <message>
        <source>Overdue: {amount} yuan</source>
        <translation>逾期欠费：{amount} 元</translation>
    </message>
    <message>
        <source>This cycle: {volume} m³</source>
        <translation>年累计用气量：{volume} m³</translation>
    </message>
    <message>
        <source>One price, no tiers</source>
        <translation>单一气价，不分档</translation>
    </message>
    <message>
        <source>Tier {tier}: the top tier</source>
        <translation>第{tier}档：已是最高档</translation>
    </message>
    <message>
        <source>Tier {tier}: {volume} m³ left</source>
        <translation>第{tier}档：本档剩余 {volume} m³</translation>
    </message>
    <message>
        <source>Lines of bill No. {number}:</source>
        <translation>账单 {number} 明细：</translation>
    </message>
</context>
<context>
    <name>AccountLabels</name>
    <message>
        <source>Not started</source>
        <translation>未开栓</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停用气</translation>
    </message>
    <message>
        <source>Long-term non-use</source>
        <translation>长期不用</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>拆除</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居民</translation>
    </message>
    <message>
        <source>Cooking</source>
        <translation>炊事</translation>
    </message>
    <message>
        <source>Boiler</source>
        <translation>锅炉</translation>
    </message>
    <message>
        <source>Public service</source>
        <translation>公益</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商服</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>工业</translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation>福利</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>采暖</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>普表（机械表）</translation>
    </message>
    <message>
        <source>IC card, volume</source>
        <translation>IC卡气量表</translation>
    </message>
    <message>
        <source>IC card, money</source>
        <translation>IC卡金额表</translation>
    </message>
    <message>
        <source>Remote reading</source>
        <translation>远传表</translation>
    </message>
    <message>
        <source>Runs slow</source>
        <translation>表慢</translation>
    </message>
    <message>
        <source>Runs fast</source>
        <translation>表快</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>死表</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation>新建档案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <source>Account no., meter no., phone or its last 4 digits, name, or address — then Enter</source>
        <translation>户号、表号、电话或电话后4位、客户名称或地址，然后按回车</translation>
    </message>
    <message>
        <source>Search accounts</source>
        <translation>查询客户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Readings and bills</source>
        <translation>抄表与账单</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>More than {count} accounts — refine the search</source>
        <translation>超过 {count} 户，请缩小查询范围</translation>
    </message>
    <message>
        <source>No account found</source>
        <translation>未找到客户</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>共 1 户</translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation>共 {count} 户</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Number {number}, please go to counter {counter}</source>
        <translation>请{number}号到{counter}号窗口办理</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database...</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>GasHall - database</source>
        <translation>燃气营业厅 - 数据库</translation>
    </message>
    <message>
        <source>Set up GasHall first.</source>
        <translation>请先完成燃气营业厅的初始设置。</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>First setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Locked after failed logins</source>
        <translation>登录失败次数过多，已锁定</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Unlocked the idle screen</source>
        <translation>解除空闲锁屏</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>Synthetic accounts added</source>
        <translation>添加模拟客户档案</translation>
    </message>
    <message>
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Hall settings changed</source>
        <translation>修改营业厅设置</translation>
    </message>
    <message>
        <source>Account opened</source>
        <translation>开户</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>修改客户档案</translation>
    </message>
    <message>
        <source>Queue category saved</source>
        <translation>保存排队业务类型</translation>
    </message>
    <message>
        <source>Queue settings saved</source>
        <translation>保存排队设置</translation>
    </message>
    <message>
        <source>Personal data viewed</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <source>Tariff version added</source>
        <translation>新增气价版本</translation>
    </message>
    <message>
        <source>Reading checks changed</source>
        <translation>修改抄表检查规则</translation>
    </message>
    <message>
        <source>Flagged reading accepted</source>
        <translation>异常读数审核通过</translation>
    </message>
    <message>
        <source>Reading corrected</source>
        <translation>更正读数</translation>
    </message>
    <message>
        <source>Reading estimated</source>
        <translation>估抄读数</translation>
    </message>
    <message>
        <source>Readings imported</source>
        <translation>导入抄表数据</translation>
    </message>
    <message>
        <source>Bill reversed</source>
        <translation>冲正账单</translation>
    </message>
    <message>
        <source>IC card written</source>
        <translation>IC卡写卡</translation>
    </message>
    <message>
        <source>IC card write failed</source>
        <translation>IC卡写卡失败</translation>
    </message>
    <message>
        <source>Cash session opened</source>
        <translation>钱箱开班</translation>
    </message>
    <message>
        <source>Cash put in or taken out</source>
        <translation>钱箱存入/取出</translation>
    </message>
    <message>
        <source>Cash session closed</source>
        <translation>钱箱结班</translation>
    </message>
    <message>
        <source>Receipt voided</source>
        <translation>作废收据</translation>
    </message>
    <message>
        <source>Receipt corrected after the daily close</source>
        <translation>日结后更正收据</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>补打收据</translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation>日结</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>an entry is missing</source>
        <translation>缺少一条记录</translation>
    </message>
    <message>
        <source>its link to the entry before does not match</source>
        <translation>与上一条记录的链接不符</translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation>记录内容被修改</translation>
    </message>
    <message>
        <source>entries at the end are missing</source>
        <translation>末尾的记录缺失</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>User, action or subject</source>
        <translation>用户、操作或对象</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The newest {n} entries; narrow the search to see older ones.</source>
        <translation>仅显示最新的 {n} 条记录；缩小查询范围可查看更早的记录。</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 条记录</translation>
    </message>
    <message>
        <source>Checking the chain...</source>
        <translation>正在校验日志链…</translation>
    </message>
    <message>
        <source>The audit log is intact: {n} entries checked.</source>
        <translation>审计日志完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entry {seq} is broken ({reason}).</source>
        <translation>审计日志已被篡改：第 {seq} 条记录异常（{reason}）。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BillLineTableModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Volume (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <source>Price (yuan/m³)</source>
        <translation>单价（元/m³）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>第{tier}档</translation>
    </message>
    <message>
        <source>Late fee on No. {number}, {days} days</source>
        <translation>账单 {number} 违约金，{days} 天</translation>
    </message>
</context>
<context>
    <name>BillTableModel</name>
    <message>
        <source>No.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>计费期间</translation>
    </message>
    <message>
        <source>Volume (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>缴费截止日</translation>
    </message>
    <message>
        <source>Unpaid (yuan)</source>
        <translation>未缴（元）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Reversal of {number}</source>
        <translation>冲正账单 {number}</translation>
    </message>
    <message>
        <source>Reversed by {number}</source>
        <translation>已被账单 {number} 冲正</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
</context>
<context>
    <name>CallOut</name>
    <message>
        <source>Amount due {due} yuan, received {tendered} yuan, change {change} yuan, please count it</source>
        <translation>您本次应缴燃气费 {due} 元，收您 {tendered} 元，找您 {change} 元，请当面点清</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card (POS)</source>
        <translation>银行卡(POS)</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <source>Cash in or out</source>
        <translation>现金存入/取出</translation>
    </message>
    <message>
        <source>Cash in (put into the drawer)</source>
        <translation>存入（放入钱箱）</translation>
    </message>
    <message>
        <source>Cash out (taken from the drawer)</source>
        <translation>取出（从钱箱取出）</translation>
    </message>
    <message>
        <source>e.g. handed to the head cashier, more change</source>
        <translation>例如：上交营业班长、补充零钞</translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>CashierPage</name>
    <message>
        <source>Open session...</source>
        <translation>开班…</translation>
    </message>
    <message>
        <source>Cash in/out...</source>
        <translation>存入/取出…</translation>
    </message>
    <message>
        <source>Close session...</source>
        <translation>结班…</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Prepay...</source>
        <translation>预存…</translation>
    </message>
    <message>
        <source>Buy gas (IC card)...</source>
        <translation>IC卡购气…</translation>
    </message>
    <message>
        <source>Reprint...</source>
        <translation>补打…</translation>
    </message>
    <message>
        <source>Void...</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Correction...</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Account no., meter no., phone or name — then Enter</source>
        <translation>户号、表号、电话或客户名称，然后按回车</translation>
    </message>
    <message>
        <source>Receipts of this session</source>
        <translation>本班次收据</translation>
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation>未找到与“{query}”匹配的客户。</translation>
    </message>
    <message>
        <source>Receipt {number}: {amount} yuan received, change {change} yuan.</source>
        <translation>收据 {number}：实收 {amount} 元，找零 {change} 元。</translation>
    </message>
    <message>
        <source>Finish {number} and ask for a rating</source>
        <translation>办结 {number} 并请客户评价</translation>
    </message>
    <message>
        <source>This computer has no printer (Settings › This desktop); the receipt is kept for printing later.</source>
        <translation>本机没有打印机（设置 › 本机设置）；收据已保留，可稍后打印。</translation>
    </message>
    <message>
        <source>Receipt {number} could not be printed; check the printer. It is kept for printing later.</source>
        <translation>收据 {number} 打印失败，请检查打印机。收据已保留，可稍后打印。</translation>
    </message>
    <message>
        <source>Receipt {number} voided by {void}.</source>
        <translation>收据 {number} 已作废（作废凭证 {void}）。</translation>
    </message>
    <message>
        <source>Receipt {number} corrected by {correction}; {amount} yuan paid back.</source>
        <translation>收据 {number} 已由更正凭证 {correction} 冲正；退还 {amount} 元。</translation>
    </message>
</context>
<context>
    <name>CategoryButton</name>
    <message>
        <source>{count} waiting, about {minutes} min</source>
        <translation>等待 {count} 人，约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>等待 {count} 人</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Add queue category</source>
        <translation>新增业务类型</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>修改业务类型</translation>
    </message>
    <message>
        <source>Tickets of this category are numbered A001, A002, ...</source>
        <translation>该业务的号码依次为 A001、A002…</translation>
    </message>
    <message>
        <source>e.g. Payments</source>
        <translation>例如：缴费</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. 1-3, 5</source>
        <translation>例如：1-3, 5</translation>
    </message>
    <message>
        <source>Tickets can be taken</source>
        <translation>可取号</translation>
    </message>
    <message>
        <source>Ticket letter</source>
        <translation>号码字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>业务名称</translation>
    </message>
    <message>
        <source>Service time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Counters serving it</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>字母</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>业务名称</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>办理窗口</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>CloseSessionDialog</name>
    <message>
        <source>Close cash session at counter {counter}</source>
        <translation>{counter}号窗口结班</translation>
    </message>
    <message>
        <source>Count the drawer by note and coin. The amount it should hold is shown after the count is handed in.</source>
        <translation>请按券别清点钱箱现金。提交清点结果后才显示钱箱应有金额。</translation>
    </message>
    <message>
        <source>e.g. a 10 yuan note given as change twice</source>
        <translation>例如：一张 10 元重复找零</translation>
    </message>
    <message>
        <source>Hand in the count and close</source>
        <translation>提交清点并结班</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>实点现金：</translation>
    </message>
    <message>
        <source>The drawer should hold:</source>
        <translation>应有现金：</translation>
    </message>
    <message>
        <source>Over (+) / short (−):</source>
        <translation>长款（+）/短款（−）：</translation>
    </message>
    <message>
        <source>A manager approves the difference with their password and a reason.</source>
        <translation>差额须由营业班长填写原因并输入密码批准。</translation>
    </message>
    <message>
        <source>Approve and close</source>
        <translation>批准并结班</translation>
    </message>
    <message>
        <source>The session is closed.</source>
        <translation>已结班。</translation>
    </message>
    <message>
        <source>Approved by {manager}: {reason}</source>
        <translation>{manager} 已批准：{reason}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CloseSheetModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ConsumptionChart</name>
    <message>
        <source>m³ per month</source>
        <translation>月用气量（m³）</translation>
    </message>
    <message>
        <source>m³ this cycle</source>
        <translation>年累计（m³）</translation>
    </message>
    <message>
        <source>Consumption (m³)</source>
        <translation>用气量（m³）</translation>
    </message>
    <message>
        <source>Cumulative this cycle (m³)</source>
        <translation>年累计用气量（m³）</translation>
    </message>
    <message>
        <source>Tier {tier} from {volume} m³</source>
        <translation>第{tier}档：{volume} m³ 起</translation>
    </message>
    <message>
        <source>{month}: {volume} m³</source>
        <translation>{month}：{volume} m³</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Estimate reading</source>
        <translation>估抄</translation>
    </message>
    <message>
        <source>Correct reading</source>
        <translation>更正读数</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>{value} m³ on {day}</source>
        <translation>{value} m³（{day}）</translation>
    </message>
    <message>
        <source>Previous reading</source>
        <translation>上次读数</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>本次读数</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>The meter rolled over</source>
        <translation>已翻表</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Correct reading (m³)</source>
        <translation>正确读数（m³）</translation>
    </message>
    <message>
        <source>Why, e.g. re-read on site</source>
        <translation>原因，例如：现场复抄</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No estimate: the meter has no billed history.</source>
        <translation>无法估抄：该表没有已计费的历史记录。</translation>
    </message>
    <message>
        <source>{used} m³ (average of the last three periods) — reading {value} m³</source>
        <translation>用气量 {used} m³（近三期平均）— 读数 {value} m³</translation>
    </message>
    <message>
        <source>Estimate and bill</source>
        <translation>估抄并计费</translation>
    </message>
    <message>
        <source>Correct and bill</source>
        <translation>更正并计费</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct a receipt of a closed day</source>
        <translation>更正已日结的收据</translation>
    </message>
    <message>
        <source>After the daily close a receipt is no longer voided: a correction receipt with its own number reverses it, and the money goes back out of your drawer. Take the right amount again as a new payment.</source>
        <translation>日结后的收据不能再作废：将开具单独编号的更正凭证冲正该收据，款项从您的钱箱退还。正确的金额请作为新的缴费重新收取。</translation>
    </message>
    <message>
        <source>Receipt number:</source>
        <translation>收据号：</translation>
    </message>
    <message>
        <source>Type the receipt number and press Enter.</source>
        <translation>请输入收据号并按回车。</translation>
    </message>
    <message>
        <source>e.g. wrong account, amount typed wrong</source>
        <translation>例如：户号错误、金额输错</translation>
    </message>
    <message>
        <source>Correct receipt</source>
        <translation>更正收据</translation>
    </message>
    <message>
        <source>e.g. 01-00000042, or just 42</source>
        <translation>例如 01-00000042，或只输入 42</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Receipt {number} · {day} {time} · account {account} · {name} · {amount} yuan · clerk {clerk}</source>
        <translation>收据 {number} · {day} {time} · 户号 {account} · {name} · {amount} 元 · 营业员 {clerk}</translation>
    </message>
    <message>
        <source>Paid with: {tenders}</source>
        <translation>支付方式：{tenders}</translation>
    </message>
    <message>
        <source>Already reversed by receipt {number}.</source>
        <translation>已由收据 {number} 冲正。</translation>
    </message>
    <message>
        <source>A void or a correction cannot be corrected.</source>
        <translation>作废凭证或更正凭证不能再更正。</translation>
    </message>
</context>
<context>
    <name>CounterPanel</name>
    <message>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Transfer...</source>
        <translation>转移…</translation>
    </message>
    <message>
        <source>Pause counter</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>{number} finished.</source>
        <translation>{number} 已办结。</translation>
    </message>
    <message>
        <source>{number} marked as no-show.</source>
        <translation>{number} 已过号。</translation>
    </message>
    <message>
        <source>{number} transferred.</source>
        <translation>{number} 已转移。</translation>
    </message>
    <message>
        <source>Resume counter</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <source>Current ticket</source>
        <translation>当前号码</translation>
    </message>
    <message>
        <source>On a break</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Time at the counter</source>
        <translation>办理计时</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Waiting for this counter: {count}</source>
        <translation>本窗口等待人数：{count}</translation>
    </message>
    <message>
        <source>{category} · green channel</source>
        <translation>{category} · 绿色通道</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>暂无客户</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Called · recalls: {count}</source>
        <translation>已叫号 · 已重呼 {count} 次</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Over the {minutes}-minute time limit</source>
        <translation>已超过 {minutes} 分钟办理时限</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>GasHall - unexpected error</source>
        <translation>燃气营业厅 - 意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that GasHall did not expect. What you just did may not have been saved.</source>
        <translation>燃气营业厅发生了意外错误，刚才的操作可能没有保存。</translation>
    </message>
    <message>
        <source>the console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>The details were written to {log}. If this happens again, tell IT.</source>
        <translation>详细信息已写入 {log}。如再次出现，请联系信息部门。</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>Quit GasHall</source>
        <translation>退出程序</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Clerk&apos;s user name (empty: the whole hall)</source>
        <translation>营业员用户名（留空为全厅）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Close the day...</source>
        <translation>日结…</translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation>打印结账单</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Receipts {first} – {last} · voids {voids} ({voided} yuan) · reprints {reprints}
Float {float} · cash in {cash_in} · cash out {cash_out} · expected cash {expected} · counted {counted} · over/short {difference} · {state}</source>
        <translation>收据号 {first} – {last} · 作废 {voids} 笔（{voided} 元）· 补打 {reprints} 次
备用金 {float} · 存入 {cash_in} · 取出 {cash_out} · 应有现金 {expected} · 实点现金 {counted} · 长短款 {difference} · {state}</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已日结</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>未日结</translation>
    </message>
    <message>
        <source>Close {day} for the whole hall? Afterwards no receipt of that day can be voided.</source>
        <translation>确定对全厅 {day} 进行日结吗？日结后当日收据不能再作废。</translation>
    </message>
    <message>
        <source>{day} is closed.</source>
        <translation>{day} 已日结。</translation>
    </message>
    <message>
        <source>No printer is set for this desktop.</source>
        <translation>本机未设置打印机。</translation>
    </message>
    <message>
        <source>The sheet was printed.</source>
        <translation>结账单已打印。</translation>
    </message>
    <message>
        <source>The sheet could not be printed; check the printer.</source>
        <translation>结账单打印失败，请检查打印机。</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
</context>
<context>
    <name>DenominationCount</name>
    <message>
        <source>Note or coin</source>
        <translation>券别</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>张/枚数</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点合计</translation>
    </message>
    <message>
        <source>{n} yuan</source>
        <translation>{n} 元</translation>
    </message>
    <message>
        <source>{n} jiao</source>
        <translation>{n} 角</translation>
    </message>
</context>
<context>
    <name>DesktopSettingsDialog</name>
    <message>
        <source>This desktop</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm 卷纸</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>Counter number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language shows the next time GasHall starts.</source>
        <translation>更改的语言将在下次启动燃气营业厅时生效。</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>收据纸张</translation>
    </message>
</context>
<context>
    <name>DisplayBoardWindow</name>
    <message>
        <source>Display board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>System fault, please wait</source>
        <translation>系统故障，请稍候</translation>
    </message>
    <message>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>Latest call at each counter</source>
        <translation>各窗口最近叫号</translation>
    </message>
    <message>
        <source>{number} → Counter {counter}</source>
        <translation>{number} → {counter}号窗口</translation>
    </message>
    <message>
        <source>Counter {counter}</source>
        <translation>{counter}号窗口</translation>
    </message>
</context>
<context>
    <name>DueBillModel</name>
    <message>
        <source>Pay</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>计费期间</translation>
    </message>
    <message>
        <source>Gas (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <source>Bill (yuan)</source>
        <translation>账单金额（元）</translation>
    </message>
    <message>
        <source>Outstanding (yuan)</source>
        <translation>未缴（元）</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>缴费截止日</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to GasHall</source>
        <translation>欢迎使用燃气营业厅</translation>
    </message>
    <message>
        <source>The database is empty. How do you want to start?</source>
        <translation>数据库为空。请选择启动方式：</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>A sample hall with customer accounts and three users to try GasHall out: admin / admin123, manager / manager123, clerk / clerk123.</source>
        <translation>一个含客户档案和三个用户的示例营业厅，供试用燃气营业厅：admin / admin123、manager / manager123、clerk / clerk123。</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Password of admin</source>
        <translation>admin 的密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The administrator logs in as &quot;admin&quot; and adds the staff.</source>
        <translation>系统管理员以“admin”登录，再添加其他工作人员。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Loading demo data... this takes a moment.</source>
        <translation>正在加载演示数据…请稍候。</translation>
    </message>
</context>
<context>
    <name>HallSettingsPage</name>
    <message>
        <source>Hall settings</source>
        <translation>营业厅设置</translation>
    </message>
    <message>
        <source>e.g. Mon-Sat 8:30-17:30</source>
        <translation>例如：周一至周六 8:30-17:30</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Hall name</source>
        <translation>营业厅名称</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>服务热线</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <source>Lock the screen after idle</source>
        <translation>空闲自动锁屏</translation>
    </message>
    <message>
        <source>Tenders at the cash desk</source>
        <translation>收费方式</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>IcPurchaseDialog</name>
    <message>
        <source>Gas {volume} cubic metres, amount due {due} yuan, received {tendered} yuan, change {change} yuan, please count it</source>
        <translation>您本次购气 {volume} 立方米，应缴 {due} 元，收您 {tendered} 元，找您 {change} 元，请当面点清</translation>
    </message>
    <message>
        <source>IC card gas purchase</source>
        <translation>IC卡购气</translation>
    </message>
    <message>
        <source>Account {number} · {name} · {address}</source>
        <translation>户号 {number} · {name} · {address}</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Volume (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <source>Price (yuan/m³)</source>
        <translation>单价（元/m³）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>By volume (m³)</source>
        <translation>按气量（m³）</translation>
    </message>
    <message>
        <source>By amount (yuan)</source>
        <translation>按金额（元）</translation>
    </message>
    <message>
        <source>Paid with:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Handed over (yuan):</source>
        <translation>实收（元）：</translation>
    </message>
    <message>
        <source>Call out (Enter)</source>
        <translation>唱收唱付(Enter)</translation>
    </message>
    <message>
        <source>Change amounts (Esc)</source>
        <translation>修改金额(Esc)</translation>
    </message>
    <message>
        <source>Called out — confirm (F12)</source>
        <translation>已唱收唱付，确认(F12)</translation>
    </message>
    <message>
        <source>Write card again</source>
        <translation>重新写卡</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tier {no}</source>
        <translation>第{no}档</translation>
    </message>
    <message>
        <source>top tier</source>
        <translation>已是最高档</translation>
    </message>
    <message>
        <source>{left} m³ left in it</source>
        <translation>本档剩余 {left} m³</translation>
    </message>
    <message>
        <source>{volume} m³ for {total} yuan · annual cumulative {before} → {after} m³ · then tier {tier}, {left} · purchase No. {count}</source>
        <translation>{volume} m³ 共 {total} 元 · 年累计 {before} → {after} m³ · 购后第{tier}档，{left} · 第 {count} 次购气</translation>
    </message>
    <message>
        <source> · {used} yuan paid from the account&apos;s credit</source>
        <translation> · 其中 {used} 元由账户余额抵扣</translation>
    </message>
    <message>
        <source>Wait for the price, or correct the volume or amount.</source>
        <translation>请等待计价结果，或更正气量或金额。</translation>
    </message>
    <message>
        <source>Receipt {number} is recorded, but the card was not written: {reason}. Put the card in the reader and press &quot;Write card again&quot;.</source>
        <translation>收据 {number} 已入账，但写卡失败：{reason}。请将卡插入读卡器，然后点击“重新写卡”。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Call the amounts out to the customer, then press F12 to confirm.</source>
        <translation>请向客户唱收唱付，然后按 F12 确认。</translation>
    </message>
    <message>
        <source>Type the volume or the amount and what the customer hands over, then press Enter.</source>
        <translation>请输入购气量或金额及客户所付金额，然后按回车。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation>导入读数</translation>
    </message>
    <message>
        <source>A CSV (UTF-8 or GBK) or Excel .xlsx file with a header row: 表号 meter no., 抄表日期 date, 读数 reading in m³; optional 数据来源 source, 抄表类型 kind, 抄表员 reader, 备注 note. If any row is wrong, nothing is imported.</source>
        <translation>CSV 文件（UTF-8 或 GBK 编码）或 Excel .xlsx 文件，首行为表头：表号、抄表日期、读数（m³）；可选列：数据来源、抄表类型、抄表员、备注。只要有一行有误，整个文件都不导入。</translation>
    </message>
    <message>
        <source>Choose file and import…</source>
        <translation>选择文件并导入…</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Save list…</source>
        <translation>保存错误清单…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading files (*.csv *.xlsx);;All files (*)</source>
        <translation>读数文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{rows} readings imported: {billed} billed ({amount} yuan), {review} waiting for review, {not_billed} not billed.</source>
        <translation>已导入 {rows} 条读数：已计费 {billed} 条（{amount} 元），待审核 {review} 条，不计费 {not_billed} 条。</translation>
    </message>
    <message numerus="yes">
        <source>The file was refused and nothing was imported: %n problem(s), listed below.</source>
        <translation>
            <numerusform>文件未通过检查，未导入任何数据：共 %n 处问题，详见下表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Save error list</source>
        <translation>保存错误清单</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Error list saved to {path}.</source>
        <translation>错误清单已保存到 {path}。</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved to {path}.</source>
        <translation>模板已保存到 {path}。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Please choose your business</source>
        <translation>请选择您要办理的业务</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Green channel (staff)</source>
        <translation>绿色通道（工作人员）</translation>
    </message>
    <message>
        <source>Staff only: the next ticket goes first (elderly, disabled, pregnant). Ctrl+G</source>
        <translation>仅限工作人员使用：下一张号票优先办理（老年人、残疾人、孕妇）。Ctrl+G</translation>
    </message>
    <message>
        <source>Account number (optional)</source>
        <translation>户号（选填）</translation>
    </message>
    <message>
        <source>Nobody ahead of you</source>
        <translation>前方无人等待</translation>
    </message>
    <message>
        <source>{ahead} ahead of you, about {minutes} minutes</source>
        <translation>前方等待 {ahead} 人，预计约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{ahead} ahead of you</source>
        <translation>前方等待 {ahead} 人</translation>
    </message>
    <message>
        <source>Please take your ticket and watch the display board</source>
        <translation>请取走号票，留意叫号屏</translation>
    </message>
    <message>
        <source>The ticket could not be printed; please remember your number or ask the staff</source>
        <translation>号票未能打印，请记住您的号码或咨询工作人员</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Please ask the staff.</source>
        <translation>抱歉，系统出现问题，请咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>GasHall is locked</source>
        <translation>燃气营业厅已锁定</translation>
    </message>
    <message>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>{name} ({role}) is logged in at this counter.</source>
        <translation>{name}（{role}）已在本窗口登录。</translation>
    </message>
    <message>
        <source>Enter the password to go on.</source>
        <translation>请输入密码继续。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Log out to continue.</source>
        <translation>请退出登录后继续。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>GasHall - Log in</source>
        <translation>燃气营业厅 - 登录</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>GasHall</source>
        <translation>燃气营业厅</translation>
    </message>
    <message>
        <source>Gas service hall</source>
        <translation>燃气客户服务系统</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GasHall - {hall}</source>
        <translation>燃气营业厅 - {hall}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Cash desk</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Meter readings</source>
        <translation>抄表管理</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>气价管理</translation>
    </message>
    <message>
        <source>Daily close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Hall settings</source>
        <translation>营业厅设置</translation>
    </message>
    <message>
        <source>Queue setup</source>
        <translation>排队设置</translation>
    </message>
    <message>
        <source>Queue statistics</source>
        <translation>排队统计</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Find account</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Change password...</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>This desktop...</source>
        <translation>本机设置…</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>About GasHall</source>
        <translation>关于燃气营业厅</translation>
    </message>
    <message>
        <source>Ticket kiosk</source>
        <translation>取号机</translation>
    </message>
    <message>
        <source>Display board</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Counter</source>
        <translation>窗口(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>客户屏(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation>{n}号窗口</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>GasHall {version}
The desktop program of a gas utility&apos;s service hall.</source>
        <translation>燃气营业厅 {version}
燃气公司营业厅桌面程序。</translation>
    </message>
    <message>
        <source>This window is not available.</source>
        <translation>该客户屏无法打开。</translation>
    </message>
</context>
<context>
    <name>ManagerFields</name>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Manager&apos;s user name:</source>
        <translation>班长用户名：</translation>
    </message>
    <message>
        <source>Manager&apos;s password:</source>
        <translation>班长密码：</translation>
    </message>
</context>
<context>
    <name>ManagerNoteTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>事项</translation>
    </message>
</context>
<context>
    <name>ManagerNotes</name>
    <message>
        <source>Customer was dissatisfied</source>
        <translation>客户评价不满意</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The account no longer exists.</source>
        <translation>该客户档案已不存在。</translation>
    </message>
    <message>
        <source>Enter the street of the address.</source>
        <translation>请填写地址中的街道。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>This user has been disabled. Ask an administrator.</source>
        <translation>该用户已被停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Too many failed attempts. The user is locked for {minutes} minutes.</source>
        <translation>失败次数过多，该用户已被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Wrong user name or password. {left} attempts left before the user is locked.</source>
        <translation>用户名或密码错误。再错 {left} 次该用户将被锁定。</translation>
    </message>
    <message>
        <source>This bill has already been reversed.</source>
        <translation>该账单已冲正。</translation>
    </message>
    <message>
        <source>The bill no longer exists.</source>
        <translation>该账单已不存在。</translation>
    </message>
    <message>
        <source>No tariff is in force for this customer type and gas use on the reading&apos;s dates. Ask a manager to add one.</source>
        <translation>抄表期间没有适用于该客户类型和用气类型的有效气价，请联系营业班长添加。</translation>
    </message>
    <message>
        <source>Give a reason for the reversal.</source>
        <translation>请填写冲正原因。</translation>
    </message>
    <message>
        <source>A reversal cannot be reversed.</source>
        <translation>冲正账单不能再冲正。</translation>
    </message>
    <message>
        <source>Enter an amount other than 0.</source>
        <translation>请输入不为 0 的金额。</translation>
    </message>
    <message>
        <source>The count differs from what the drawer should hold by more than the tolerance: a manager must approve it with a reason.</source>
        <translation>实点现金与应有现金的差额超出允许范围，须由营业班长填写原因并批准。</translation>
    </message>
    <message>
        <source>The approving manager must be someone other than the clerk of the session.</source>
        <translation>批准人须为本班次营业员以外的营业班长。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, at most {max} fen.</source>
        <translation>请输入以元为单位的金额，不超过 {max} 分。</translation>
    </message>
    <message>
        <source>A count must be a whole number of notes or coins, not negative ({value}).</source>
        <translation>清点数量须为不小于 0 的整数张/枚（{value}）。</translation>
    </message>
    <message>
        <source>This desktop has no counter number; set it under Settings → This desktop.</source>
        <translation>本机未设置窗口号，请在“设置 → 本机设置”中设置。</translation>
    </message>
    <message>
        <source>There is no such note or coin: {value}.</source>
        <translation>没有此券别：{value}。</translation>
    </message>
    <message>
        <source>Enter the float in yuan, not negative and at most {max} fen.</source>
        <translation>请输入以元为单位的备用金，不能为负数，不超过 {max} 分。</translation>
    </message>
    <message>
        <source>You already have an open cash session at counter {counter_no}; close it first.</source>
        <translation>您在{counter_no}号窗口已有未结班的班次，请先结班。</translation>
    </message>
    <message>
        <source>Counter {counter_no} already has an open cash session of another clerk.</source>
        <translation>{counter_no}号窗口已有其他营业员的班次未结班。</translation>
    </message>
    <message>
        <source>This amount cannot be made of notes and coins.</source>
        <translation>该金额无法由纸币和硬币组成。</translation>
    </message>
    <message>
        <source>You cannot take out more cash than the drawer should hold.</source>
        <translation>取出金额不能超过钱箱应有现金。</translation>
    </message>
    <message>
        <source>This cash session is closed.</source>
        <translation>该班次已结班。</translation>
    </message>
    <message>
        <source>The cash session no longer exists.</source>
        <translation>该班次已不存在。</translation>
    </message>
    <message>
        <source>This cash session belongs to another clerk.</source>
        <translation>该班次属于其他营业员。</translation>
    </message>
    <message>
        <source>This day ({day}) has already been closed.</source>
        <translation>该日（{day}）已日结。</translation>
    </message>
    <message>
        <source>The day cannot be closed: cash sessions are still open ({sessions}).</source>
        <translation>无法日结：仍有班次未结班（{sessions}）。</translation>
    </message>
    <message>
        <source>A residential account must use gas for cooking or heating.</source>
        <translation>居民用户的用气类型只能是炊事或采暖。</translation>
    </message>
    <message>
        <source>Cash must stay among the tenders offered.</source>
        <translation>现金必须保留为可用的收费方式。</translation>
    </message>
    <message>
        <source>The idle lock must be between 1 and {max} minutes.</source>
        <translation>空闲锁屏时间必须在 1 至 {max} 分钟之间。</translation>
    </message>
    <message>
        <source>Enter the hall&apos;s name.</source>
        <translation>请填写营业厅名称。</translation>
    </message>
    <message>
        <source>“{tender}” is not a way of paying this program knows.</source>
        <translation>“{tender}”不是本程序支持的收费方式。</translation>
    </message>
    <message>
        <source>Household size must be between 1 and {max}.</source>
        <translation>家庭人口必须在 1 至 {max} 人之间。</translation>
    </message>
    <message>
        <source>The amount does not buy 1 m³.</source>
        <translation>该金额不足购买 1 m³。</translation>
    </message>
    <message>
        <source>No tariff is in force today for this customer type and gas use. Ask a manager to add one.</source>
        <translation>今日没有适用于该客户类型和用气类型的有效气价，请联系营业班长添加。</translation>
    </message>
    <message>
        <source>This account has no IC-card meter.</source>
        <translation>该客户没有IC卡表。</translation>
    </message>
    <message>
        <source>Only the meter&apos;s latest purchase (No. {count}) can be written to the card.</source>
        <translation>只能将该表最近一次购气（第 {count} 次）写入IC卡。</translation>
    </message>
    <message>
        <source>The account&apos;s credit pays for all of it; take no money.</source>
        <translation>账户余额已足额抵扣，无需收款。</translation>
    </message>
    <message>
        <source>The price changed since it was called out; quote again.</source>
        <translation>唱收唱付后气价已变动，请重新计价。</translation>
    </message>
    <message>
        <source>The purchase no longer exists.</source>
        <translation>该购气记录已不存在。</translation>
    </message>
    <message>
        <source>This purchase was voided; its card cannot be written.</source>
        <translation>该购气已作废，不能写卡。</translation>
    </message>
    <message>
        <source>Enter how many whole m³ to buy.</source>
        <translation>请输入购气量（整数 m³）。</translation>
    </message>
    <message>
        <source>At most {max} m³ can be bought at once.</source>
        <translation>每次最多购气 {max} m³。</translation>
    </message>
    <message>
        <source>The ID number contains an impossible date of birth.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit is wrong; please check each digit.</source>
        <translation>身份证号码校验位不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a digit or X.</source>
        <translation>身份证号码为 18 位：前 17 位为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>This meter already has a reading on this date.</source>
        <translation>该表在此日期已有读数。</translation>
    </message>
    <message>
        <source>Not a date; write it as YYYY-MM-DD.</source>
        <translation>日期格式不正确，请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>The text is neither UTF-8 nor GBK; save the file again as CSV UTF-8.</source>
        <translation>文件编码既不是 UTF-8 也不是 GBK，请重新另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <source>The file cannot be read as CSV or as an Excel workbook.</source>
        <translation>无法按 CSV 或 Excel 工作簿读取该文件。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>The reading date is after today.</source>
        <translation>抄表日期晚于今天。</translation>
    </message>
    <message>
        <source>The reading date is empty.</source>
        <translation>抄表日期为空。</translation>
    </message>
    <message>
        <source>This column appears twice.</source>
        <translation>该列重复。</translation>
    </message>
    <message>
        <source>This meter has another reading for this date in the file.</source>
        <translation>文件中该表在同一日期还有另一条读数。</translation>
    </message>
    <message>
        <source>The file has no readings.</source>
        <translation>文件中没有读数。</translation>
    </message>
    <message>
        <source>This meter already has a later reading.</source>
        <translation>该表已有日期更晚的读数。</translation>
    </message>
    <message>
        <source>The meter number is empty.</source>
        <translation>表号为空。</translation>
    </message>
    <message>
        <source>A required column is missing.</source>
        <translation>缺少必需的列。</translation>
    </message>
    <message>
        <source>The file was not imported: some rows are wrong. Nothing was saved.</source>
        <translation>文件未导入：部分行有误，未保存任何数据。</translation>
    </message>
    <message>
        <source>Too long (reader: 40 characters, note: 200).</source>
        <translation>内容过长（抄表员最多 40 个字符，备注最多 200 个字符）。</translation>
    </message>
    <message>
        <source>No meter of this hall has this number.</source>
        <translation>本营业厅没有此表号的表具。</translation>
    </message>
    <message>
        <source>Only .csv and .xlsx files can be imported.</source>
        <translation>只能导入 .csv 和 .xlsx 文件。</translation>
    </message>
    <message>
        <source>The reading is empty; only sources 04-09 (locked, refused…) may leave it empty.</source>
        <translation>读数为空；只有数据来源为 04-09（门锁、拒抄等）时读数才可为空。</translation>
    </message>
    <message>
        <source>The reading is negative.</source>
        <translation>读数为负数。</translation>
    </message>
    <message>
        <source>The reading is not a number.</source>
        <translation>读数不是数字。</translation>
    </message>
    <message>
        <source>The reading does not fit the meter&apos;s register.</source>
        <translation>读数超出该表表位数的范围。</translation>
    </message>
    <message>
        <source>The reading has more than 3 decimals.</source>
        <translation>读数超过 3 位小数。</translation>
    </message>
    <message>
        <source>Register digits must be between 3 and 9.</source>
        <translation>表位数必须在 3 至 9 位之间。</translation>
    </message>
    <message>
        <source>A meter number has up to 32 letters and digits.</source>
        <translation>表号最多 32 位，只能包含字母和数字。</translation>
    </message>
    <message>
        <source>Enter the meter number.</source>
        <translation>请填写表号。</translation>
    </message>
    <message>
        <source>This meter number belongs to another account.</source>
        <translation>该表号已属于其他客户。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan with at most two decimals, e.g. 125.50.</source>
        <translation>请输入以元为单位的金额，最多两位小数，例如 125.50。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <source>The name may have at most {max} characters.</source>
        <translation>名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>A password must contain both letters and digits.</source>
        <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>This account is closed; it cannot pay.</source>
        <translation>该客户已销户，不能缴费。</translation>
    </message>
    <message>
        <source>This receipt has already been corrected.</source>
        <translation>此收据已更正过。</translation>
    </message>
    <message>
        <source>This receipt has already been voided.</source>
        <translation>该收据已作废。</translation>
    </message>
    <message>
        <source>Enter an amount above 0.</source>
        <translation>请输入大于 0 的金额。</translation>
    </message>
    <message>
        <source>The amount is too large for one payment.</source>
        <translation>金额超出单笔缴费上限。</translation>
    </message>
    <message>
        <source>The authorising manager must be someone other than the clerk.</source>
        <translation>授权人须为营业员本人以外的营业班长。</translation>
    </message>
    <message>
        <source>Unknown or inactive way of paying: {tender}.</source>
        <translation>未知或已停用的支付方式：{tender}。</translation>
    </message>
    <message>
        <source>Bill {bill_id} is not a bill of this account.</source>
        <translation>账单 {bill_id} 不属于该客户。</translation>
    </message>
    <message>
        <source>Bill {bill_id} has already been paid.</source>
        <translation>账单 {bill_id} 已缴清。</translation>
    </message>
    <message>
        <source>Bill {bill_id} has been reversed; it cannot be paid.</source>
        <translation>账单 {bill_id} 已冲正，不能缴费。</translation>
    </message>
    <message>
        <source>The cash handed over is less than what is left to pay.</source>
        <translation>所收现金少于剩余应缴金额。</translation>
    </message>
    <message>
        <source>A void or a correction cannot be corrected.</source>
        <translation>作废凭证或更正凭证不能再更正。</translation>
    </message>
    <message>
        <source>The day of this receipt ({day}) is not closed yet: void it instead.</source>
        <translation>此收据所在日期（{day}）尚未日结，请改为作废。</translation>
    </message>
    <message>
        <source>The day {day} has been closed; no more payments or voids on it.</source>
        <translation>{day} 已日结，不能再收费或作废。</translation>
    </message>
    <message>
        <source>The amount is less than the chosen bills.</source>
        <translation>金额少于所选账单合计。</translation>
    </message>
    <message>
        <source>Open a cash session (count the float) before taking money.</source>
        <translation>收款前请先开班（清点备用金）。</translation>
    </message>
    <message>
        <source>Enter how the customer pays.</source>
        <translation>请选择客户的支付方式。</translation>
    </message>
    <message>
        <source>Call out the amounts to the customer and confirm (F12) before the payment is saved.</source>
        <translation>保存缴费前，请先向客户唱收唱付并确认(F12)。</translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation>该缴费记录已不存在。</translation>
    </message>
    <message>
        <source>This receipt cannot be voided.</source>
        <translation>该收据不能作废。</translation>
    </message>
    <message>
        <source>Card, app and transfer payments cannot exceed what is due; only cash gives change.</source>
        <translation>银行卡、微信、支付宝和转账的金额不能超过应缴金额；只有现金可以找零。</translation>
    </message>
    <message>
        <source>Pay the oldest bill first.</source>
        <translation>请先缴最早的账单。</translation>
    </message>
    <message>
        <source>There is no receipt {receipt_no} in this hall.</source>
        <translation>本营业厅没有收据 {receipt_no}。</translation>
    </message>
    <message>
        <source>This cash session was opened on {day}; close it and open a new one.</source>
        <translation>该班次于 {day} 开班，请结班后重新开班。</translation>
    </message>
    <message>
        <source>Each way of paying needs an amount above 0.</source>
        <translation>每种支付方式的金额都必须大于 0。</translation>
    </message>
    <message>
        <source>At most {max} ways of paying in one payment.</source>
        <translation>一笔缴费最多使用 {max} 种支付方式。</translation>
    </message>
    <message>
        <source>The amounts entered are less than the amount due.</source>
        <translation>所输金额少于应缴金额。</translation>
    </message>
    <message>
        <source>A void cannot be voided.</source>
        <translation>作废凭证不能再作废。</translation>
    </message>
    <message>
        <source>Only a receipt of today can be voided; ask a manager for a correction.</source>
        <translation>只能作废当日收据；如需更正，请联系营业班长。</translation>
    </message>
    <message>
        <source>Only the cash session that took the payment can void it.</source>
        <translation>只能由收款的班次作废该收据。</translation>
    </message>
    <message>
        <source>The cash session of this receipt is closed; ask a manager for a correction.</source>
        <translation>该收据所属班次已结班；如需更正，请联系营业班长。</translation>
    </message>
    <message>
        <source>No Chinese font for printing was found. Install Microsoft YaHei, SimSun or WenQuanYi, or choose a font file in the settings.</source>
        <translation>未找到打印用的中文字体。请安装微软雅黑、宋体或文泉驿字体，或在设置中选择字体文件。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline such as 0769-22123456.</source>
        <translation>请输入 11 位手机号码或固定电话，如 0769-22123456。</translation>
    </message>
    <message>
        <source>Enter at least one phone number.</source>
        <translation>请至少填写一个联系电话。</translation>
    </message>
    <message>
        <source>This service has already been rated.</source>
        <translation>本次服务已评价。</translation>
    </message>
    <message>
        <source>This category is closed or no longer exists.</source>
        <translation>该业务类型已停用或不存在。</translation>
    </message>
    <message>
        <source>Enter the category&apos;s name.</source>
        <translation>请填写业务名称。</translation>
    </message>
    <message>
        <source>This counter is on a break. Resume it before calling.</source>
        <translation>本窗口已暂停服务，请先恢复服务再叫号。</translation>
    </message>
    <message>
        <source>Counter numbers go from 1 to {max}.</source>
        <translation>窗口号必须在 1 至 {max} 之间。</translation>
    </message>
    <message>
        <source>Write the counters as numbers separated by commas, e.g. 1, 2, 4 or 1-3.</source>
        <translation>请填写窗口号，以逗号分隔，例如 1, 2, 4 或 1-3。</translation>
    </message>
    <message>
        <source>Finish, transfer or mark the current ticket as no-show first.</source>
        <translation>请先将当前号码办结、转移或过号。</translation>
    </message>
    <message>
        <source>This counter has no ticket called or in service.</source>
        <translation>本窗口没有已叫号或办理中的号码。</translation>
    </message>
    <message>
        <source>The note no longer exists.</source>
        <translation>该事项已不存在。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等待的客户。</translation>
    </message>
    <message>
        <source>The ticket letter is one or two capital letters, e.g. A.</source>
        <translation>号码字母须为一至两个大写字母，例如 A。</translation>
    </message>
    <message>
        <source>Another category already uses this letter.</source>
        <translation>该字母已被其他业务类型使用。</translation>
    </message>
    <message>
        <source>Only a finished service can be rated.</source>
        <translation>只能对已办结的服务进行评价。</translation>
    </message>
    <message>
        <source>The rating pad stays open between {min} and {max} seconds.</source>
        <translation>评价器显示时长必须在 {min} 至 {max} 秒之间。</translation>
    </message>
    <message>
        <source>This number has already been recalled {max} times; mark it as no-show.</source>
        <translation>该号码已重呼 {max} 次，请按过号处理。</translation>
    </message>
    <message>
        <source>Recalls must be between 0 and {max}.</source>
        <translation>重呼次数必须在 0 至 {max} 次之间。</translation>
    </message>
    <message>
        <source>The service time limit must be between 1 and {max} minutes.</source>
        <translation>办理时限必须在 1 至 {max} 分钟之间。</translation>
    </message>
    <message>
        <source>Say why the ticket is transferred.</source>
        <translation>请填写转移原因。</translation>
    </message>
    <message>
        <source>Choose a counter other than this one.</source>
        <translation>请选择本窗口以外的其他窗口。</translation>
    </message>
    <message>
        <source>Choose either a category or a counter to transfer to.</source>
        <translation>请选择要转往的业务类型或窗口。</translation>
    </message>
    <message>
        <source>A call is spoken 1 to {max} times.</source>
        <translation>叫号播报遍数必须在 1 至 {max} 遍之间。</translation>
    </message>
    <message>
        <source>This cannot be done with the ticket in its current state.</source>
        <translation>该号码当前状态下无法执行此操作。</translation>
    </message>
    <message>
        <source>This meter already has a reading on {date}.</source>
        <translation>该表在 {date} 已有读数。</translation>
    </message>
    <message>
        <source>The &apos;too high&apos; limit must be above 0 m³.</source>
        <translation>超大气量限值必须大于 0 m³。</translation>
    </message>
    <message>
        <source>Unknown reading type: {value}.</source>
        <translation>未知的抄表类型：{value}。</translation>
    </message>
    <message>
        <source>The reading is lower than the previous one. Confirm that the meter rolled over, or correct it.</source>
        <translation>读数小于上次读数。请确认是否翻表，或更正读数。</translation>
    </message>
    <message>
        <source>Unknown meter.</source>
        <translation>表具不存在。</translation>
    </message>
    <message>
        <source>This meter has no billed periods yet, so no estimate can be made.</source>
        <translation>该表尚无已计费的周期，无法估抄。</translation>
    </message>
    <message>
        <source>There is no earlier reading to measure this one from.</source>
        <translation>没有更早的读数，无法计算本次用气量。</translation>
    </message>
    <message>
        <source>The reading no longer exists.</source>
        <translation>该读数已不存在。</translation>
    </message>
    <message>
        <source>This reading is not waiting in review.</source>
        <translation>该读数不在待审核状态。</translation>
    </message>
    <message>
        <source>This meter already has a later reading (on {last}).</source>
        <translation>该表已有日期更晚的读数（{last}）。</translation>
    </message>
    <message>
        <source>The percentage must be between {min} and {max}.</source>
        <translation>百分比必须在 {min} 至 {max} 之间。</translation>
    </message>
    <message>
        <source>The meter&apos;s previous reading is still in review; settle it first.</source>
        <translation>该表的上次读数仍待审核，请先处理。</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Unknown reading source: {value}.</source>
        <translation>未知的数据来源：{value}。</translation>
    </message>
    <message>
        <source>This meter&apos;s register shows 0 to {max}.999 m³; check the reading.</source>
        <translation>该表计数范围为 0 至 {max}.999 m³，请核对读数。</translation>
    </message>
    <message>
        <source>Enter the reading; only a no-reading source (locked, refused…) may leave it empty.</source>
        <translation>请填写读数；只有未抄到表的数据来源（门锁、拒抄等）可以不填。</translation>
    </message>
    <message>
        <source>Enter a volume in m³ with at most three decimals, e.g. 123.45.</source>
        <translation>请输入以 m³ 为单位的气量，最多三位小数，例如 123.45。</translation>
    </message>
    <message>
        <source>Give a reason for the reprint.</source>
        <translation>请填写补打原因。</translation>
    </message>
    <message>
        <source>This database is already set up.</source>
        <translation>该数据库已完成初始设置。</translation>
    </message>
    <message>
        <source>The backup could not be made.</source>
        <translation>无法创建备份。</translation>
    </message>
    <message>
        <source>This file is not a GasHall backup or it is damaged.</source>
        <translation>该文件不是燃气营业厅的备份文件，或已损坏。</translation>
    </message>
    <message>
        <source>The backup file does not exist.</source>
        <translation>备份文件不存在。</translation>
    </message>
    <message>
        <source>The database is busy. Wait a moment and try again; nothing was lost.</source>
        <translation>数据库正忙，请稍候重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reopen it and try again.</source>
        <translation>此记录已被他人修改，请重新打开后再试。</translation>
    </message>
    <message>
        <source>This would duplicate an existing record; nothing was saved.</source>
        <translation>此操作会产生重复记录，未保存任何内容。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of GasHall. Install that version; the database was not changed.</source>
        <translation>数据库由更新版本的燃气营业厅写入，请安装该版本；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again; nothing was lost.</source>
        <translation>磁盘已满，请清理空间后重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>The database folder cannot be created or written: {detail}</source>
        <translation>无法创建或写入数据库文件夹：{detail}</translation>
    </message>
    <message>
        <source>The database file is on a network share. Several desktops share one database through PostgreSQL, never through a shared file.</source>
        <translation>数据库文件位于网络共享目录。多台电脑共用一个数据库时须使用 PostgreSQL，不能共享数据库文件。</translation>
    </message>
    <message>
        <source>The PostgreSQL tool {detail} is not installed on this computer.</source>
        <translation>本机未安装 PostgreSQL 工具 {detail}。</translation>
    </message>
    <message>
        <source>The database cannot be written to. Check the folder&apos;s permissions.</source>
        <translation>无法写入数据库，请检查文件夹权限。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is old; please update GasHall.</source>
        <translation>本机的 SQLite 库版本较旧，请更新燃气营业厅。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library is too old for GasHall.</source>
        <translation>本机的 SQLite 库版本过旧，无法运行燃气营业厅。</translation>
    </message>
    <message>
        <source>This computer&apos;s SQLite library lacks full-text search (FTS5).</source>
        <translation>本机的 SQLite 库不支持全文检索（FTS5）。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check the network or the server; what you typed is kept, try again in a moment.</source>
        <translation>无法连接数据库。请检查网络或服务器；已输入的内容会保留，请稍后重试。</translation>
    </message>
    <message>
        <source>The cycle cannot start on {month}-{day}: choose a date that exists every year (not 29 February).</source>
        <translation>年度周期不能从 {month} 月 {day} 日开始：请选择每年都有的日期（不能是 2 月 29 日）。</translation>
    </message>
    <message>
        <source>A flat tariff has exactly one price.</source>
        <translation>单一气价只能有一个价格。</translation>
    </message>
    <message>
        <source>Unknown gas use: {value}.</source>
        <translation>未知的用气类型：{value}。</translation>
    </message>
    <message>
        <source>Heating households need {count} thresholds, one for each tier but the last.</source>
        <translation>采暖户需要 {count} 个分档气量，除最后一档外每档一个。</translation>
    </message>
    <message>
        <source>Heating thresholds must be above 0 m³ and increase from tier to tier.</source>
        <translation>采暖户分档气量必须大于 0 m³，且逐档递增。</translation>
    </message>
    <message>
        <source>The household-size numbers cannot be negative.</source>
        <translation>家庭人口相关数值不能为负数。</translation>
    </message>
    <message>
        <source>The last tier has no upper limit; leave its threshold empty.</source>
        <translation>最后一档没有上限，请将其分档气量留空。</translation>
    </message>
    <message>
        <source>Enter the late fee as a percentage per day, e.g. 0.3.</source>
        <translation>请按每日百分比填写违约金比例，例如 0.3。</translation>
    </message>
    <message>
        <source>The late-fee rate and grace days cannot be negative.</source>
        <translation>违约金比例和宽限天数不能为负数。</translation>
    </message>
    <message>
        <source>The late-fee rate may be at most {max} per day.</source>
        <translation>违约金比例每日不得超过 {max}。</translation>
    </message>
    <message>
        <source>Enter the tariff&apos;s name.</source>
        <translation>请填写气价名称。</translation>
    </message>
    <message>
        <source>The tariff name may have at most {max} characters.</source>
        <translation>气价名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A tariff needs at least one price.</source>
        <translation>气价至少需要一个价格。</translation>
    </message>
    <message>
        <source>Enter a price in yuan per m³ with at most four decimals, e.g. 3.40.</source>
        <translation>请输入以 元/m³ 为单位的价格，最多四位小数，例如 3.40。</translation>
    </message>
    <message>
        <source>The price of tier {tier} must be above 0 and at most {max} yuan/m³.</source>
        <translation>第{tier}档价格必须大于 0 且不超过 {max} 元/m³。</translation>
    </message>
    <message>
        <source>Every tier except the last needs an upper threshold.</source>
        <translation>除最后一档外，每档都需要填写上限气量。</translation>
    </message>
    <message>
        <source>Tier thresholds must be above 0 m³ and increase from tier to tier.</source>
        <translation>分档气量必须大于 0 m³，且逐档递增。</translation>
    </message>
    <message>
        <source>Unknown customer type: {value}.</source>
        <translation>未知的客户类型：{value}。</translation>
    </message>
    <message>
        <source>A version of this tariff already starts on that date.</source>
        <translation>该气价已有从该日期起生效的版本。</translation>
    </message>
    <message>
        <source>You cannot change your own role or disable yourself.</source>
        <translation>不能修改自己的角色，也不能停用自己。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s full name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>A login name has 3 to 32 letters, digits, dots or underscores.</source>
        <translation>登录名为 3 至 32 位字母、数字、点或下划线。</translation>
    </message>
    <message>
        <source>This login name is already taken.</source>
        <translation>该登录名已被使用。</translation>
    </message>
    <message>
        <source>The user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>Open cash session at counter {counter}</source>
        <translation>{counter}号窗口开班</translation>
    </message>
    <message>
        <source>Count the float (备用金) in the drawer before taking money.</source>
        <translation>收款前请清点钱箱中的备用金。</translation>
    </message>
    <message>
        <source>Count by note and coin</source>
        <translation>按券别清点</translation>
    </message>
    <message>
        <source>Float (yuan):</source>
        <translation>备用金（元）：</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>开班</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Prepayment</source>
        <translation>预存</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Account {number} · {name} · {address}</source>
        <translation>户号 {number} · {name} · {address}</translation>
    </message>
    <message>
        <source>Amount onto the account (yuan):</source>
        <translation>预存金额（元）：</translation>
    </message>
    <message>
        <source>Add tender (F4)</source>
        <translation>增加支付方式(F4)</translation>
    </message>
    <message>
        <source>Call out (Enter)</source>
        <translation>唱收唱付(Enter)</translation>
    </message>
    <message>
        <source>Speak again (F11)</source>
        <translation>重新播报(F11)</translation>
    </message>
    <message>
        <source>Change amounts (Esc)</source>
        <translation>修改金额(Esc)</translation>
    </message>
    <message>
        <source>Called out — confirm (F12)</source>
        <translation>已唱收唱付，确认(F12)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Correct the amounts marked in red first.</source>
        <translation>请先更正标红的金额。</translation>
    </message>
    <message>
        <source>Call the amounts out to the customer, then press F12 to confirm.</source>
        <translation>请向客户唱收唱付，然后按 F12 确认。</translation>
    </message>
    <message>
        <source>Type what the customer hands over, then press Enter.</source>
        <translation>请输入客户所付金额，然后按回车。</translation>
    </message>
</context>
<context>
    <name>PaymentMirror</name>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Counter {counter} · Clerk {clerk}</source>
        <translation>{counter}号窗口 · 营业员 {clerk}</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应缴</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>Your payment</source>
        <translation>您本次缴费</translation>
    </message>
    <message>
        <source>Please check the amounts with the clerk</source>
        <translation>请与营业员核对金额</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>谢谢惠顾</translation>
    </message>
    <message>
        <source>Receipt {number} · please count your change</source>
        <translation>收据 {number} · 找零请当面点清</translation>
    </message>
</context>
<context>
    <name>QueueFiguresTableModel</name>
    <message>
        <source>Issued</source>
        <translation>取号数</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结数</translation>
    </message>
    <message>
        <source>No-
shows</source>
        <translation>过号数</translation>
    </message>
    <message>
        <source>Wait
avg.</source>
        <translation>等待
平均</translation>
    </message>
    <message>
        <source>Wait
90%</source>
        <translation>等待
90%</translation>
    </message>
    <message>
        <source>Service
avg.</source>
        <translation>办理
平均</translation>
    </message>
    <message>
        <source>Service
90%</source>
        <translation>办理
90%</translation>
    </message>
    <message>
        <source>Over
time</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly
satisfied</source>
        <translation>基本
满意</translation>
    </message>
    <message>
        <source>Not
satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Satisfaction
rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Nine in ten took at most this long (minutes:seconds).</source>
        <translation>九成用时不超过此值（分:秒）。</translation>
    </message>
    <message>
        <source>Called, but the customer did not come.</source>
        <translation>已叫号但客户未到。</translation>
    </message>
    <message>
        <source>Average time from taking the ticket to being called (minutes:seconds).</source>
        <translation>从取号到叫号的平均时长（分:秒）。</translation>
    </message>
    <message>
        <source>Average time from the start to the end of the service (minutes:seconds).</source>
        <translation>从开始办理到办结的平均时长（分:秒）。</translation>
    </message>
    <message>
        <source>Services longer than the category&apos;s time limit.</source>
        <translation>办理时长超过该业务时限的笔数。</translation>
    </message>
    <message>
        <source>Satisfied and fairly satisfied out of all ratings.</source>
        <translation>满意与基本满意占全部评价的比例。</translation>
    </message>
</context>
<context>
    <name>QueueSetupPage</name>
    <message>
        <source>Queue setup</source>
        <translation>排队设置</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Call next takes the oldest waiting ticket of the categories a counter serves, green channel first.</source>
        <translation>叫号时，从本窗口办理的业务类型中叫等待最久的号码，绿色通道优先。</translation>
    </message>
    <message>
        <source>Add category...</source>
        <translation>新增业务类型…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Board, calls and rating</source>
        <translation>叫号屏、叫号与评价</translation>
    </message>
    <message>
        <source>No notice: the board shows none</source>
        <translation>无公告：叫号屏不显示公告</translation>
    </message>
    <message>
        <source>Clear notice</source>
        <translation>清除公告</translation>
    </message>
    <message>
        <source>Take the notice off the board at once</source>
        <translation>立即从叫号屏撤下公告</translation>
    </message>
    <message>
        <source>Notice on the board</source>
        <translation>叫号屏公告</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Recalls before no-show</source>
        <translation>过号前重呼次数</translation>
    </message>
    <message>
        <source>Rating pad open for</source>
        <translation>评价器显示时长</translation>
    </message>
    <message>
        <source>Times each call is spoken</source>
        <translation>叫号播报遍数</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Saved. The board shows the change within a second.</source>
        <translation>已保存。叫号屏将在一秒内更新。</translation>
    </message>
    <message>
        <source>The notice is off the board.</source>
        <translation>公告已从叫号屏撤下。</translation>
    </message>
</context>
<context>
    <name>QueueStatsPage</name>
    <message>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Queue statistics</source>
        <translation>排队统计</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <source>By counter</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <source>Mark as seen</source>
        <translation>标为已阅</translation>
    </message>
    <message>
        <source>Notes for the manager</source>
        <translation>班长待阅事项</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Tickets issued: {n}</source>
        <translation>取号总数：{n}</translation>
    </message>
    <message>
        <source>Not yet seen: {n}</source>
        <translation>未阅：{n} 条</translation>
    </message>
    <message>
        <source>No notes waiting.</source>
        <translation>没有待阅事项。</translation>
    </message>
</context>
<context>
    <name>RatingPad</name>
    <message>
        <source>Service rating</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <source>Please rate our service</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <source>Ticket {number} · {category}</source>
        <translation>{number}号 · {category}</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <source>This window closes in {seconds} s</source>
        <translation>{seconds} 秒后自动关闭</translation>
    </message>
</context>
<context>
    <name>ReadingLabels</name>
    <message>
        <source>Read on site</source>
        <translation>见表</translation>
    </message>
    <message>
        <source>Self-reported</source>
        <translation>自报</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估抄</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>门锁</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒抄</translation>
    </message>
    <message>
        <source>Obstructed</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空房</translation>
    </message>
    <message>
        <source>Long unused</source>
        <translation>长期不用</translation>
    </message>
    <message>
        <source>Mounted too high</source>
        <translation>位置过高</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Door slip</source>
        <translation>门贴</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Remote reading</source>
        <translation>远传</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Ad hoc</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>Check (not billed)</source>
        <translation>复核（不计费）</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>已计费</translation>
    </message>
    <message>
        <source>Not billed</source>
        <translation>不计费</translation>
    </message>
    <message>
        <source>Lower than previous</source>
        <translation>读数小于上次</translation>
    </message>
    <message>
        <source>Zero consumption</source>
        <translation>零气量</translation>
    </message>
    <message>
        <source>Too high</source>
        <translation>超大气量</translation>
    </message>
    <message>
        <source>Year-on-year drop</source>
        <translation>同期气量骤减</translation>
    </message>
    <message>
        <source>Used while inactive</source>
        <translation>停用户有用气</translation>
    </message>
    <message>
        <source>Sudden drop</source>
        <translation>气量骤减</translation>
    </message>
    <message>
        <source>Previous in review</source>
        <translation>上次读数待审核</translation>
    </message>
    <message>
        <source>Bill reversed</source>
        <translation>账单已冲正</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReadingRulesView</name>
    <message>
        <source>Gas use</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <source>Zero
consumption</source>
        <translation>零气量</translation>
    </message>
    <message>
        <source>Too high:
above (m³)</source>
        <translation>超大气量：
超过（m³）</translation>
    </message>
    <message>
        <source>Sudden drop:
by at least</source>
        <translation>气量骤减：
降幅不低于</translation>
    </message>
    <message>
        <source>Year-on-year drop:
by at least</source>
        <translation>同期气量骤减：
降幅不低于</translation>
    </message>
    <message>
        <source>Used while
inactive</source>
        <translation>非正常状态
用气</translation>
    </message>
    <message>
        <source>No gas used since the previous reading</source>
        <translation>自上次抄表以来未用气</translation>
    </message>
    <message>
        <source>More gas than this since the previous reading</source>
        <translation>自上次抄表以来用气量超过此值</translation>
    </message>
    <message>
        <source>The daily average fell this much against the last three periods</source>
        <translation>日均用气量比近三期下降达到此比例</translation>
    </message>
    <message>
        <source>The daily average fell this much against the same dates a year earlier</source>
        <translation>日均用气量比去年同期下降达到此比例</translation>
    </message>
    <message>
        <source>Gas used on a suspended, closed or long-unused account</source>
        <translation>暂停用气、销户或长期不用的用户有用气</translation>
    </message>
    <message>
        <source>{use}: zero consumption</source>
        <translation>{use}：零气量</translation>
    </message>
    <message>
        <source>{use}: too high</source>
        <translation>{use}：超大气量</translation>
    </message>
    <message>
        <source>{use}: sudden drop</source>
        <translation>{use}：气量骤减</translation>
    </message>
    <message>
        <source>{use}: year-on-year drop</source>
        <translation>{use}：同期气量骤减</translation>
    </message>
    <message>
        <source>{use}: used while inactive</source>
        <translation>{use}：停用户有用气</translation>
    </message>
    <message>
        <source>{use}: too-high limit (m³)</source>
        <translation>{use}：超大气量上限（立方米）</translation>
    </message>
    <message>
        <source>A reading that fails a check waits unbilled in the review list.</source>
        <translation>未通过检查的读数暂不计费，进入待审核列表。</translation>
    </message>
    <message>
        <source>Save checks</source>
        <translation>保存检查规则</translation>
    </message>
</context>
<context>
    <name>ReadingTableModel</name>
    <message>
        <source>Date</source>
        <translation>抄表日期</translation>
    </message>
    <message>
        <source>Reading (m³)</source>
        <translation>读数（m³）</translation>
    </message>
    <message>
        <source>Consumption (m³)</source>
        <translation>用气量（m³）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>抄表类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Estimated / rollover</source>
        <translation>估抄 / 翻表</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估抄</translation>
    </message>
    <message>
        <source>Rollover</source>
        <translation>翻表</translation>
    </message>
    <message>
        <source>Reader: {name}</source>
        <translation>抄表员：{name}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <source>Meter readings</source>
        <translation>抄表管理</translation>
    </message>
    <message>
        <source>Route-book entry</source>
        <translation>抄表本录入</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the readings of a handheld export (CSV or Excel). The whole file is checked first; if any row is wrong nothing is imported and you get the list of rows to fix. A good file is imported in one go, checked and billed; flagged readings wait for review.</source>
        <translation>导入抄表机导出的读数文件（CSV 或 Excel）。系统先检查整个文件：只要有一行有误，就不导入任何数据，并列出需要修改的行。无误的文件一次性导入，自动检查并计费；有异常的读数进入待审核。</translation>
    </message>
    <message>
        <source>Import readings…</source>
        <translation>导入读数…</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Change (yuan)</source>
        <translation>找零（元）</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Void of {number}</source>
        <translation>作废原收据 {number}</translation>
    </message>
    <message>
        <source>Voided by {number}</source>
        <translation>已被 {number} 作废</translation>
    </message>
    <message>
        <source>IC card gas</source>
        <translation>IC卡购气</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint receipt {number}</source>
        <translation>补打收据 {number}</translation>
    </message>
    <message>
        <source>e.g. paper jammed, customer lost it</source>
        <translation>例如：卡纸、客户遗失</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Receipt {number} · account {account} · {amount} yuan · {time}</source>
        <translation>收据 {number} · 户号 {account} · {amount} 元 · {time}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({login}).</source>
        <translation>为 {name}（{login}）设置新密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>ReverseBillDialog</name>
    <message>
        <source>Reverse bill No. {number}</source>
        <translation>冲正账单 {number}</translation>
    </message>
    <message>
        <source>Bill No. {number} for {start} – {end}: {volume} m³, {amount} yuan.
A reversal bill cancels it, and its reading goes back to review so that it can be corrected and billed again.</source>
        <translation>账单 {number}（{start} – {end}）：{volume} m³，{amount} 元。
冲正账单将抵消该账单，其读数退回待审核，可更正后重新计费。</translation>
    </message>
    <message>
        <source>e.g. reading typed wrong, meter was replaced</source>
        <translation>例如：读数录入错误、已换表</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Reverse bill</source>
        <translation>冲正账单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Date</source>
        <translation>抄表日期</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Previous
(m³)</source>
        <translation>上次读数
（m³）</translation>
    </message>
    <message>
        <source>Reading
(m³)</source>
        <translation>本次读数
（m³）</translation>
    </message>
    <message>
        <source>Used
(m³)</source>
        <translation>用气量
（m³）</translation>
    </message>
    <message>
        <source>Estimate
(m³)</source>
        <translation>估算气量
（m³）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>&amp;Accept</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>E&amp;stimate…</source>
        <translation>估抄(&amp;S)…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The reading is right as it stands: bill it</source>
        <translation>读数无误，按此计费</translation>
    </message>
    <message numerus="yes">
        <source>%n reading(s) waiting</source>
        <translation>
            <numerusform>待审核 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>{account}: {state}</source>
        <translation>{account}：{state}</translation>
    </message>
    <message>
        <source>, {amount} yuan</source>
        <translation>，{amount} 元</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>营业班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>RouteSheetModel</name>
    <message>
        <source>Account no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <source>Prev.
(m³)</source>
        <translation>上次读数
（m³）</translation>
    </message>
    <message>
        <source>Prev.
date</source>
        <translation>上次抄表
日期</translation>
    </message>
    <message>
        <source>Reading
(m³)</source>
        <translation>本次读数
（m³）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Used
(m³)</source>
        <translation>用气量
（m³）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Rollover</source>
        <translation>翻表</translation>
    </message>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
    <message>
        <source>First reading: not billed</source>
        <translation>首次抄表，不计费</translation>
    </message>
</context>
<context>
    <name>RouteSheetView</name>
    <message>
        <source>Route book</source>
        <translation>抄表本</translation>
    </message>
    <message>
        <source>Who read the meters</source>
        <translation>抄表员姓名</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reading date</source>
        <translation>抄表日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>抄表类型</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>抄表员</translation>
    </message>
    <message>
        <source>No route book has accounts yet.</source>
        <translation>抄表本中还没有客户。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{done} of {total} meters read</source>
        <translation>已抄 {done} / {total} 块表</translation>
    </message>
    <message>
        <source>Not recorded: lower than the previous reading. Correct the value.</source>
        <translation>未保存：读数小于上次读数，请更正。</translation>
    </message>
    <message>
        <source>The reading {value} m³ of meter {meter} ({name}) is lower than the previous reading {previous} m³.

Has the meter rolled over? Its {digits}-digit register would then show a consumption of {used} m³.</source>
        <translation>表号 {meter}（{name}）的读数 {value} m³ 小于上次读数 {previous} m³。

是否已翻表？如已翻表，按 {digits} 位表计算，本次用气量为 {used} m³。</translation>
    </message>
    <message>
        <source>Meter rolled over?</source>
        <translation>是否翻表？</translation>
    </message>
    <message>
        <source>{account}: waits for review — {flags}</source>
        <translation>{account}：待审核 — {flags}</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SessionStrip</name>
    <message>
        <source>Counter {counter}: no cash session open — open one with the counted float before taking money.</source>
        <translation>{counter}号窗口：未开班 — 收款前请清点备用金并开班。</translation>
    </message>
    <message>
        <source>Counter {counter} · session opened {time} · float {float} yuan · {receipts} receipts</source>
        <translation>{counter}号窗口 · {time} 开班 · 备用金 {float} 元 · 收据 {receipts} 张</translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>New tariff version</source>
        <translation>新增气价版本</translation>
    </message>
    <message>
        <source>e.g. Residential tiered tariff 2027</source>
        <translation>例如：2027 年居民阶梯气价</translation>
    </message>
    <message>
        <source>Tiered (annual volume)</source>
        <translation>阶梯气价（按年用气量）</translation>
    </message>
    <message>
        <source>Flat (one price)</source>
        <translation>单一气价</translation>
    </message>
    <message>
        <source>Month </source>
        <translation>月份 </translation>
    </message>
    <message>
        <source>Day </source>
        <translation>日期 </translation>
    </message>
    <message>
        <source>e.g. 600, 900 (empty: the usual ones)</source>
        <translation>例如：600, 900（留空则与普通户相同）</translation>
    </message>
    <message>
        <source>Raise the thresholds for large households</source>
        <translation>多人口家庭提高分档气量</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Low-income households pay the tier 1 price for all their gas</source>
        <translation>低保/低收入家庭全部用气按第一档价格计费</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Gas use</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>气价名称</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>Annual cycle starts</source>
        <translation>年度周期起始日</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>阶梯档位</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Heating households</source>
        <translation>采暖户</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Above</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>Each extra person adds</source>
        <translation>每增加一人增加</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>最多增加</translation>
    </message>
    <message>
        <source>Low income</source>
        <translation>低保/低收入</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>% per day</source>
        <translation>%/日</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
</context>
<context>
    <name>TariffTableModel</name>
    <message>
        <source>User type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Gas use</source>
        <translation>用气类型</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tiers (yuan/m³)</source>
        <translation>阶梯价格（元/m³）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>气价名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>Cycle starts</source>
        <translation>周期起始日</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>待生效</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Tiered</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>单一</translation>
    </message>
    <message>
        <source>{price} for any volume</source>
        <translation>{price}（不分档）</translation>
    </message>
    <message>
        <source>Heating households: same thresholds</source>
        <translation>采暖户：分档气量相同</translation>
    </message>
    <message>
        <source>Heating households: thresholds {bounds} m³</source>
        <translation>采暖户：分档气量 {bounds} m³</translation>
    </message>
    <message>
        <source>No adjustment</source>
        <translation>不调整</translation>
    </message>
    <message>
        <source>&gt;{n} people: +{step} m³ each, at most {cap} m³</source>
        <translation>超过 {n} 人：每人增加 {step} m³，最多增加 {cap} m³</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{rate} %/day after {days} days</source>
        <translation>宽限 {days} 天后每日 {rate}%</translation>
    </message>
    <message>
        <source>Low-income households pay tier 1 for everything</source>
        <translation>低保/低收入户全部按第一档计费</translation>
    </message>
    <message>
        <source>Low-income households pay the normal tiers</source>
        <translation>低保户按正常阶梯计价</translation>
    </message>
</context>
<context>
    <name>TariffsPage</name>
    <message>
        <source>Tariffs</source>
        <translation>气价管理</translation>
    </message>
    <message>
        <source>Tariff versions</source>
        <translation>气价版本</translation>
    </message>
    <message>
        <source>Reading checks</source>
        <translation>抄表检查规则</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>新增版本…</translation>
    </message>
    <message>
        <source>A new version starts from the selected one; it takes over on its effective date</source>
        <translation>新版本以所选版本为基础，自其生效日期起取代原版本</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Versions are never changed: a price change is a new version.</source>
        <translation>已有版本不可修改：调价请新增版本。</translation>
    </message>
    <message>
        <source>No tariff yet: add the first version.</source>
        <translation>尚无气价，请新增第一个版本。</translation>
    </message>
    <message>
        <source>{name} ({status}, from {date}): {tiers}
{heating} · Household size: {household} · {low_income} · Late fee: {late_fee} · Cycle starts {cycle}</source>
        <translation>{name}（{status}，{date} 起）：{tiers}
{heating} · 家庭人口：{household} · {low_income} · 违约金：{late_fee} · 周期起始日 {cycle}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not saved: see the message under each.</source>
        <translation>
            <numerusform>%n 行未保存，请查看各行下方的提示。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved. New readings are checked this way from now on.</source>
        <translation>已保存。此后新录入的读数将按此规则检查。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
</context>
<context>
    <name>TenderRows</name>
    <message>
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reference (card slip, transfer no.)</source>
        <translation>凭证号（签购单号、转账流水号）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
</context>
<context>
    <name>TicketLabels</name>
    <message>
        <source>{ahead} ahead of you</source>
        <translation>前方等待 {ahead} 人</translation>
    </message>
    <message>
        <source>About {minutes} minutes</source>
        <translation>预计等待约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>户号：{account}</translation>
    </message>
    <message>
        <source>Issued: {time}</source>
        <translation>取号时间：{time}</translation>
    </message>
    <message>
        <source>Please watch the display board and listen for your number</source>
        <translation>请留意叫号屏幕和语音提示</translation>
    </message>
    <message>
        <source>Hotline: {hotline}</source>
        <translation>服务热线：{hotline}</translation>
    </message>
</context>
<context>
    <name>TierRows</name>
    <message>
        <source>Up to (m³)</source>
        <translation>上限（m³）</translation>
    </message>
    <message>
        <source>Price (yuan/m³)</source>
        <translation>单价（元/m³）</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>增加一档</translation>
    </message>
    <message>
        <source>Remove last tier</source>
        <translation>删除最后一档</translation>
    </message>
    <message>
        <source>Tier {n}</source>
        <translation>第{n}档</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无上限</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket {number}</source>
        <translation>转移号码 {number}</translation>
    </message>
    <message>
        <source>To the category</source>
        <translation>转到业务类型</translation>
    </message>
    <message>
        <source>To the counter</source>
        <translation>转到窗口</translation>
    </message>
    <message>
        <source>Why, e.g. needs the installation desk</source>
        <translation>转移原因，例如：需到报装窗口办理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{number} · {category}</source>
        <translation>{number} · {category}</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
</context>
<context>
    <name>UnprintedDialog</name>
    <message>
        <source>Receipts not printed</source>
        <translation>未打印的收据</translation>
    </message>
    <message>
        <source>These receipts were recorded but never printed (the program stopped or the printer was off). Print them now for the customers or the records.</source>
        <translation>以下收据已入账但未打印（程序中断或打印机未开）。请现在打印，交给客户或留存备查。</translation>
    </message>
    <message>
        <source>This computer has no printer (Settings › This desktop); the receipts stay in this list.</source>
        <translation>本机没有打印机（设置 › 本机设置）；收据仍保留在此列表中。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>全部打印</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>{count} receipts could not be printed; check the printer.</source>
        <translation>{count} 张收据打印失败，请检查打印机。</translation>
    </message>
    <message>
        <source>All receipts printed.</source>
        <translation>收据已全部打印。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Add user...</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重置密码…</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void receipt {number}</source>
        <translation>作废收据 {number}</translation>
    </message>
    <message>
        <source>Receipt {number} · account {account} · {amount} yuan · {time}
A void receipt with its own number reverses the payment; the money goes back to the customer.</source>
        <translation>收据 {number} · 户号 {account} · {amount} 元 · {time}
将开具单独编号的作废凭证冲销该笔缴费，款项退还客户。</translation>
    </message>
    <message>
        <source>e.g. wrong account, amount typed wrong</source>
        <translation>例如：户号错误、金额录入错误</translation>
    </message>
    <message>
        <source>Void receipt</source>
        <translation>作废收据</translation>
    </message>
</context>
<context>
    <name>WaitingTile</name>
    <message>
        <source>{count} waiting</source>
        <translation>等待 {count} 人</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>约 {minutes} 分钟</translation>
    </message>
</context>
</TS>
