<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/haven/ui/app.py" line="71"/>
        <location filename="../../src/haven/ui/app.py" line="79"/>
        <source>Already open</source>
        <extracomment>Makes the runner for commands sent to this window (haven.cli.remote, passed in by haven.__main__: the UI does not import the CLI).</extracomment>
        <translation>از پیش باز است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/app.py" line="72"/>
        <source>Haven is already open on this computer for this data folder, in another window or as `haven serve`. Use that one, or close it first.</source>
        <translation>‏Haven روی این رایانه برای این پوشهٔ داده از پیش باز است، در پنجره‌ای دیگر یا به‌صورت `haven serve`. از همان استفاده کنید یا اول آن را ببندید.</translation>
    </message>
</context>
<context>
    <name>AttachPicker</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="55"/>
        <source>Atta&amp;ch media…</source>
        <translation>پیوست رسانه (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="55"/>
        <source>Attach &amp;media…</source>
        <translation>پیوست رسانه (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="57"/>
        <source>Attach a picture or file</source>
        <translation>پیوست یک تصویر یا پرونده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="59"/>
        <source>Pictures lose their hidden details (like a GPS location) before sending</source>
        <translation>جزئیات پنهان تصویرها (مانند موقعیت GPS) پیش از ارسال حذف می‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="62"/>
        <source>Attached files</source>
        <translation>پرونده‌های پیوست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="66"/>
        <source>Describe the picture for people who cannot see it</source>
        <translation>تصویر را برای کسانی که نمی‌توانند ببینند توصیف کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="67"/>
        <source>Picture description</source>
        <translation>توصیف تصویر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="68"/>
        <source>Remove attachment</source>
        <translation>حذف پیوست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="69"/>
        <source>Remove the selected attachment</source>
        <translation>حذف پیوست انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="115"/>
        <source>A post holds at most %1 attachments.</source>
        <translation>هر پست حداکثر %1 پیوست دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="122"/>
        <source>Preparing the attachment…</source>
        <translation>در حال آماده‌سازی پیوست…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="131"/>
        <source>Removed from %1: %2</source>
        <translation>از %1 حذف شد: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="136"/>
        <source>Attached: %1</source>
        <translation>پیوست شد: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="170"/>
        <source>Picture</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="170"/>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="129"/>
        <source>Press Enter to open it larger</source>
        <translation>برای باز کردن در اندازهٔ بزرگ‌تر Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="135"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="139"/>
        <source>Press Enter to save a copy</source>
        <translation>برای ذخیرهٔ یک نسخه Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="147"/>
        <source>%1 of %2 parts here</source>
        <translation>%1 از %2 بخش رسیده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="151"/>
        <source>over this space's limit</source>
        <translation>بیش از حد این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="198"/>
        <source>Saved a copy outside the vault: %1</source>
        <translation>یک نسخه بیرون از گاوصندوق ذخیره شد: %1</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="16"/>
        <source>%1 KiB</source>
        <translation>%1 کیلوبایت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="17"/>
        <source>%1 MiB</source>
        <translation>%1 مگابایت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="22"/>
        <source>camera details (EXIF)</source>
        <translation>جزئیات دوربین (EXIF)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="23"/>
        <source>GPS location</source>
        <translation>موقعیت GPS</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="24"/>
        <source>XMP</source>
        <translation>XMP</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="25"/>
        <source>IPTC</source>
        <translation>IPTC</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="26"/>
        <source>colour profile</source>
        <translation>نمایهٔ رنگ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="27"/>
        <source>comment</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="28"/>
        <source>text notes</source>
        <translation>یادداشت‌های متنی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="29"/>
        <source>hidden thumbnail</source>
        <translation>تصویر بندانگشتی پنهان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="39"/>
        <source>That file is larger than this space allows; nothing was attached.</source>
        <translation>این پرونده از حد مجاز این فضا بزرگ‌تر است؛ چیزی پیوست نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="42"/>
        <source>That picture is too large to open safely; nothing was attached.</source>
        <translation>این تصویر برای باز شدن امن بیش از حد بزرگ است؛ چیزی پیوست نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="45"/>
        <source>That picture or file is damaged and could not be read.</source>
        <translation>این تصویر یا پرونده آسیب دیده است و خوانده نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="48"/>
        <source>Animated pictures cannot be attached yet.</source>
        <translation>هنوز نمی‌توان تصویر متحرک پیوست کرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="49"/>
        <source>Haven attaches pictures as JPEG, PNG, WebP or GIF only, so that it can remove their hidden details. Convert this one first.</source>
        <translation>Haven تصویرها را فقط با قالب JPEG، PNG، WebP یا GIF پیوست می‌کند تا بتواند جزئیات پنهانشان را حذف کند. اول این یکی را تبدیل کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="54"/>
        <source>That file could not be read.</source>
        <translation>این پرونده خوانده نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="55"/>
        <source>That file is empty.</source>
        <translation>این پرونده خالی است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="56"/>
        <source>This attachment has not fully arrived yet. Try again after syncing.</source>
        <translation>این پیوست هنوز کامل نرسیده است. پس از همگام‌سازی دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="59"/>
        <source>This attachment is larger than the space allows, so it was not kept.</source>
        <translation>این پیوست از حد مجاز فضا بزرگ‌تر است، پس نگه داشته نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="62"/>
        <source>A file with that name is already there; choose another name.</source>
        <translation>پرونده‌ای با این نام آنجا هست؛ نام دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="65"/>
        <source>The copy could not be written there; choose another folder.</source>
        <translation>نسخه آنجا نوشته نشد؛ پوشهٔ دیگری برگزینید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="77"/>
        <source>Picture: %1</source>
        <translation>تصویر: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="78"/>
        <source>Picture with no description: %1</source>
        <translation>تصویر بدون توصیف: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="82"/>
        <source>File: %1, %2</source>
        <translation>پرونده: %1، %2</translation>
    </message>
</context>
<context>
    <name>CausesTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="29"/>
        <source>Pledged. Only the organisers see how much.</source>
        <translation>تعهد ثبت شد. فقط برگزارکنندگان مبلغ را می‌بینند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="36"/>
        <source>Update posted.</source>
        <translation>خبر تازه منتشر شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="50"/>
        <source>Fundraiser started.</source>
        <translation>جمع‌آوری کمک شروع شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="66"/>
        <source>Campaign started.</source>
        <translation>کارزار شروع شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="78"/>
        <source>Closed.</source>
        <translation>بسته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="83"/>
        <source>Remove and erase</source>
        <translation>برداشتن و پاک کردن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="84"/>
        <source>Remove “%1”? It is hidden at once. Its text, updates and pledges are erased on every device a day after it gets the removal (at once if you own the space). Your reason goes in the moderation log.</source>
        <translation>«%1» برداشته شود؟ بی‌درنگ پنهان می‌شود. متن، به‌روزرسانی‌ها و تعهدهایش یک روز پس از رسیدن برداشتن به هر دستگاه از آن پاک می‌شود (اگر مالک فضا باشید، بی‌درنگ). دلیل شما در گزارش نظارت ثبت می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="90"/>
        <source>&amp;Remove</source>
        <translation>حذف کن (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="91"/>
        <source>Remove and erase it</source>
        <translation>برداشتن و پاک کردن آن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="100"/>
        <source>Removed. Its text is erased as the others sync.</source>
        <translation>برداشته شد. متن آن با همگام‌سازی دیگران پاک می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="117"/>
        <source>Pledge withdrawn.</source>
        <translation>تعهد پس گرفته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="123"/>
        <source>Marked received.</source>
        <translation>دریافت ثبت شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="129"/>
        <source>Counted. Thank you.</source>
        <translation>شمرده شد. سپاس.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="77"/>
        <source>Sta&amp;rt a fundraiser…</source>
        <translation>شروع جمع‌آوری کمک (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="78"/>
        <source>Start a fundraiser</source>
        <translation>شروع جمع‌آوری کمک</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="79"/>
        <source>Start a campai&amp;gn…</source>
        <translation>شروع کارزار (&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="80"/>
        <source>Start a campaign</source>
        <translation>شروع کارزار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="82"/>
        <source>Fundraisers</source>
        <translation>جمع‌آوری کمک‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="83"/>
        <source>F&amp;undraisers</source>
        <translation>جمع‌آوری کمک‌ها (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="88"/>
        <source>Progress towards the goal</source>
        <translation>پیشرفت به سوی هدف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="96"/>
        <source>Amount to pledge</source>
        <translation>مبلغی که تعهد می‌کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="97"/>
        <source>Am&amp;ount</source>
        <translation>مبلغ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="99"/>
        <source>&amp;Pledge</source>
        <translation>تعهد کن (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="101"/>
        <source>Pledge this amount; only the organisers see it</source>
        <translation>این مبلغ را تعهد کن؛ فقط برگزارکنندگان آن را می‌بینند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="103"/>
        <source>&amp;Withdraw my pledge</source>
        <translation>پس گرفتن تعهدم (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="104"/>
        <source>Withdraw my pledge</source>
        <translation>پس گرفتن تعهدم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="106"/>
        <source>Who pledged what (organisers only)</source>
        <translation>چه کسی چه تعهدی داده (فقط برگزارکنندگان)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="107"/>
        <source>Mark r&amp;eceived</source>
        <translation>ثبت دریافت (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="109"/>
        <source>Mark the chosen pledge received (organisers only)</source>
        <translation>ثبت کن که تعهد انتخاب‌شده دریافت شده (فقط برگزارکنندگان)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="112"/>
        <source>An update for the supporters</source>
        <translation>خبری تازه برای حامیان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="113"/>
        <source>Post an upda&amp;te</source>
        <translation>انتشار خبر تازه (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="114"/>
        <source>Post the update</source>
        <translation>خبر تازه را منتشر کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="117"/>
        <source>Campaigns</source>
        <translation>کارزارها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="118"/>
        <source>&amp;Campaigns</source>
        <translation>کارزارها (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="122"/>
        <source>I d&amp;id this</source>
        <translation>انجامش دادم (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="123"/>
        <source>Say that I did this (counted once)</source>
        <translation>بگو که انجامش دادم (یک بار شمرده می‌شود)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="234"/>
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 از %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="241"/>
        <source>%1 — %Ln did this</source>
        <translation>
            <numerusform>%1 — %Ln نفر انجامش دادند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="272"/>
        <source>No fundraiser chosen</source>
        <translation>هیچ جمع‌آوری کمکی انتخاب نشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="282"/>
        <source>%1 of %2 (%3)</source>
        <translation>%1 از %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="289"/>
        <source>Closed: no more pledges.</source>
        <translation>بسته: تعهد تازه پذیرفته نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="291"/>
        <source>For: %1</source>
        <translation>برای: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="292"/>
        <source>Where to give (Haven moves no money; nothing here is opened): %1</source>
        <translation>کجا کمک کنید (Haven هیچ پولی جابه‌جا نمی‌کند و چیزی را اینجا باز نمی‌کند): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="295"/>
        <source>%Ln supporter(s)</source>
        <translation>
            <numerusform>%Ln حامی</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="298"/>
        <source>Until %1</source>
        <translation>تا %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="301"/>
        <source>%Ln pledge change(s) not yet counted by an organiser</source>
        <translation>
            <numerusform>%Ln تغییر در تعهدها هنوز به دست برگزارکننده‌ای شمرده نشده</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="305"/>
        <source>Warning: the published total differs from the pledges this device read.</source>
        <translation>هشدار: جمع منتشرشده با تعهدهایی که این دستگاه خوانده فرق دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="309"/>
        <source>Your pledge: %1 (only the organisers see it)</source>
        <translation>تعهد شما: %1 (فقط برگزارکنندگان آن را می‌بینند)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="323"/>
        <source>unreadable</source>
        <translation>ناخوانا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="324"/>
        <source>%1: %2 (received)</source>
        <translation>%1: %2 (دریافت شد)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="324"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="345"/>
        <source>Update from %1: %2</source>
        <translation>خبر تازه از %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="357"/>
        <source>Closed: no more sign-ups.</source>
        <translation>بسته: مشارکت تازه پذیرفته نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="358"/>
        <source>Action: %1</source>
        <translation>کار: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="360"/>
        <source>Where: %1</source>
        <translation>کجا: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="362"/>
        <source>On %1</source>
        <translation>در %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="364"/>
        <source>You did this. Thank you.</source>
        <translation>انجامش دادید. سپاس.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="31"/>
        <source>Close &amp;fundraiser</source>
        <translation>بستن جمع‌آوری کمک (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="32"/>
        <source>Close this fundraiser: no more pledges</source>
        <translation>بستن این جمع‌آوری کمک: تعهد تازه پذیرفته نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="37"/>
        <source>Remo&amp;ve fundraiser…</source>
        <translation>برداشتن جمع‌آوری کمک (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="38"/>
        <source>Remove this fundraiser and erase its text (moderators)</source>
        <translation>برداشتن این جمع‌آوری کمک و پاک کردن متن آن (ناظران)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="47"/>
        <source>Close c&amp;ampaign</source>
        <translation>بستن کارزار (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="48"/>
        <source>Close this campaign: no more sign-ups</source>
        <translation>بستن این کارزار: مشارکت تازه پذیرفته نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="51"/>
        <source>Remove campaign…</source>
        <translation>برداشتن کارزار…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="52"/>
        <source>Remove this campaign and erase its text (moderators)</source>
        <translation>برداشتن این کارزار و پاک کردن متن آن (ناظران)</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="131"/>
        <source>Change passphrase</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="133"/>
        <source>Current passphrase</source>
        <translation>گذرواژهٔ فعلی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="138"/>
        <source>Also move my vault to a &amp;new key</source>
        <translation>خزانه‌ام را به کلید تازه‌ای هم منتقل کن (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="139"/>
        <source>Also move the vault to a new key</source>
        <translation>خزانه را به کلید تازه‌ای هم منتقل کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="142"/>
        <source>Re-encrypts everything, so an old copy of the vault's key or header no longer opens it. Takes longer; safe if interrupted.</source>
        <translation>همه‌چیز را دوباره رمزگذاری می‌کند تا نسخهٔ قدیمیِ کلید یا سرآیند خزانه دیگر آن را باز نکند. بیشتر طول می‌کشد؛ اگر قطع شود آسیبی نمی‌زند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="136"/>
        <source>Changing the passphrase</source>
        <translation>در حال تغییر گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="134"/>
        <source>C&amp;hange</source>
        <translation>تغییر بده (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="135"/>
        <source>Change the passphrase</source>
        <translation>گذرواژه را تغییر بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="132"/>
        <source>C&amp;urrent passphrase</source>
        <translation>گذرواژهٔ فعلی (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="154"/>
        <source>Type your current passphrase first.</source>
        <translation>اول گذرواژهٔ فعلی‌تان را بنویسید.</translation>
    </message>
</context>
<context>
    <name>ChannelActions</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="97"/>
        <source>Muted on this computer.</source>
        <extracomment>The unread counts changed (a page was read): the space list may re-count.</extracomment>
        <translation>روی این رایانه بی‌صدا شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="97"/>
        <source>Unmuted.</source>
        <translation>دیگر بی‌صدا نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="103"/>
        <source>Channel created.</source>
        <translation>کانال ساخته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="110"/>
        <source>Channel renamed.</source>
        <translation>نام کانال تغییر کرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="115"/>
        <source>Channel archived.</source>
        <translation>کانال بایگانی شد.</translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="59"/>
        <source>Channels</source>
        <extracomment>Messages the timeline holds at most: scrolling further back lets the newest go (choosing the channel again shows the newest page), so each page costs the same however far back. channel id, text, quoted message id (b"" for none)</extracomment>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="60"/>
        <source>Choose a channel to read it</source>
        <translation>کانالی را برای خواندن انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="64"/>
        <source>M&amp;ute this channel on this computer</source>
        <translation>بی‌صدا کردن این کانال روی این رایانه (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="65"/>
        <source>Mute this channel</source>
        <translation>این کانال را بی‌صدا کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="69"/>
        <source>Channel name, e.g. general</source>
        <translation>نام کانال، مثلاً: عمومی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="70"/>
        <source>Channel name</source>
        <translation>نام کانال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="71"/>
        <source>Announcements: only admins post</source>
        <translation>اطلاعیه‌ها: فقط مدیران در آن می‌نویسند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="72"/>
        <source>Announcement channel</source>
        <translation>کانال اطلاعیه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="73"/>
        <source>Ne&amp;w channel</source>
        <translation>کانال تازه (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="74"/>
        <source>Create the channel</source>
        <translation>کانال را بساز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="76"/>
        <source>&amp;Rename</source>
        <translation>تغییر نام (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="77"/>
        <source>Rename the chosen channel</source>
        <translation>نام کانال انتخاب‌شده را تغییر بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="79"/>
        <source>Archi&amp;ve</source>
        <translation>بایگانی (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="80"/>
        <source>Archive the chosen channel</source>
        <translation>کانال انتخاب‌شده را بایگانی کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="98"/>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="100"/>
        <source>Oldest at the top; Q quotes the chosen message in your answer</source>
        <translation>قدیمی‌ترین در بالا؛ کلید Q پیام انتخاب‌شده را در پاسخ‌تان نقل‌قول می‌کند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="104"/>
        <source>Show &amp;older messages</source>
        <translation>نمایش پیام‌های قدیمی‌تر (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="105"/>
        <source>Show older messages</source>
        <translation>نمایش پیام‌های قدیمی‌تر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="109"/>
        <source>The chosen message's quote and mentions</source>
        <translation>نقل‌قول و اشاره‌های پیام انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="112"/>
        <source>&amp;Quote</source>
        <translation>نقل‌قول (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="113"/>
        <source>Answer the chosen message by quoting it</source>
        <translation>با نقل‌قول به پیام انتخاب‌شده پاسخ بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="119"/>
        <source>Write a message; @name mentions a member</source>
        <translation>پیامی بنویسید؛ با @نام به یک عضو اشاره کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="120"/>
        <source>Message text</source>
        <translation>متن پیام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="121"/>
        <source>Ctrl+Enter sends</source>
        <translation>‏Ctrl+Enter می‌فرستد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="122"/>
        <source>S&amp;end</source>
        <translation>بفرست (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="123"/>
        <source>Send the message</source>
        <translation>پیام را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="128"/>
        <source>No channels yet. Admins create them.</source>
        <translation>هنوز کانالی نیست. مدیران آن‌ها را می‌سازند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="203"/>
        <source>Choose a channel.</source>
        <translation>کانالی انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="205"/>
        <source>This channel is archived: nobody posts here.</source>
        <translation>این کانال بایگانی شده است: کسی اینجا نمی‌نویسد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="207"/>
        <source>Announcements: only admins post here.</source>
        <translation>اطلاعیه‌ها: فقط مدیران اینجا می‌نویسند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="263"/>
        <source>A message has at most %1 characters.</source>
        <translation>هر پیام حداکثر %1 نویسه دارد.</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="22"/>
        <source>announcements</source>
        <translation>اطلاعیه‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="24"/>
        <source>archived</source>
        <translation>بایگانی‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="26"/>
        <source>muted</source>
        <translation>بی‌صدا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="37"/>
        <source>Quoting a message that is gone</source>
        <translation>نقل‌قول از پیامی که دیگر نیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="39"/>
        <source>Quoting %1: %2</source>
        <translation>نقل‌قول از %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="47"/>
        <source>Mentions %1 (%2, %3)</source>
        <translation>اشاره به %1 (%2، %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="28"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln خوانده‌نشده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="30"/>
        <source>mentions of you: %Ln</source>
        <translation>
            <numerusform>اشاره به شما: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="41"/>
        <source>Title (optional)</source>
        <extracomment>title, body, content warning ("" for none)</extracomment>
        <translation>عنوان (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="42"/>
        <source>Post title</source>
        <translation>عنوان پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="47"/>
        <source>Write a reply…</source>
        <translation>پاسخی بنویسید…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="47"/>
        <source>Write a post. Markdown is welcome.</source>
        <translation>پستی بنویسید. مارک‌داون هم پذیرفته است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="49"/>
        <source>Reply text</source>
        <translation>متن پاسخ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="49"/>
        <source>Post text</source>
        <translation>متن پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="50"/>
        <source>Ctrl+Enter sends</source>
        <translation>‏Ctrl+Enter می‌فرستد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="55"/>
        <source>Content warnin&amp;g</source>
        <translation>هشدار محتوا (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="55"/>
        <source>Content &amp;warning</source>
        <translation>هشدار محتوا (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="57"/>
        <source>Add a content warning</source>
        <translation>افزودن هشدار محتوا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="58"/>
        <source>Readers see only the warning until they open it</source>
        <translation>خوانندگان تا آن را باز نکنند فقط هشدار را می‌بینند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="61"/>
        <source>What the post is about, e.g. “family conflict”</source>
        <translation>این پست دربارهٔ چیست، مثلاً «درگیری خانوادگی»</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="62"/>
        <source>Content warning text</source>
        <translation>متن هشدار محتوا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="64"/>
        <source>&amp;Reply</source>
        <translation>پاسخ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="64"/>
        <source>&amp;Post</source>
        <translation>بفرست (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="66"/>
        <source>Send the reply</source>
        <translation>پاسخ را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="66"/>
        <source>Send the post</source>
        <translation>پست را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="139"/>
        <source>Write something first.</source>
        <translation>اول چیزی بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="143"/>
        <source>Say what the content warning is about, or turn it off.</source>
        <translation>بگویید هشدار محتوا دربارهٔ چیست، یا آن را خاموش کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="147"/>
        <source>Wait until the attachment is ready.</source>
        <translation>صبر کنید تا پیوست آماده شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="151"/>
        <source>A post holds at most %1 characters.</source>
        <translation>هر پست حداکثر %1 نویسه دارد.</translation>
    </message>
</context>
<context>
    <name>CreateSpaceDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="57"/>
        <source>New space</source>
        <translation>فضای تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="61"/>
        <source>Space name</source>
        <translation>نام فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="64"/>
        <source>Space description</source>
        <translation>توضیح فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="66"/>
        <source>Topics, separated by commas</source>
        <translation>موضوع‌ها، جداشده با ویرگول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="68"/>
        <source>e.g. coming out, relationships, parenting</source>
        <translation>مثلاً: آشکارسازی هویت، رابطه‌ها، فرزندپروری</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="71"/>
        <source>Guidelines new members accept</source>
        <translation>رهنمودهایی که اعضای تازه می‌پذیرند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="72"/>
        <source>Be kind. What is said here stays here.</source>
        <translation>مهربان باشیم. آنچه اینجا گفته می‌شود همین‌جا می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="76"/>
        <source>&amp;Name</source>
        <translation>نام (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="77"/>
        <source>&amp;Description</source>
        <translation>توضیح (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="78"/>
        <source>&amp;Topics</source>
        <translation>موضوع‌ها (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="79"/>
        <source>&amp;Guidelines</source>
        <translation>رهنمودها (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="80"/>
        <source>&amp;Create</source>
        <translation>بساز (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="80"/>
        <source>Create the space</source>
        <translation>فضا را بساز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="82"/>
        <source>You will be its owner, under a name used only in this space.</source>
        <translation>شما مالک آن خواهید بود، با نامی که فقط در همین فضا به کار می‌رود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="92"/>
        <source>Give the space a name.</source>
        <translation>برای فضا نامی بگذارید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="98"/>
        <source>Up to %1 topics, each up to %2 characters.</source>
        <translation>حداکثر %1 موضوع، هر کدام حداکثر %2 نویسه.</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="32"/>
        <source>Welcome to Haven</source>
        <extracomment>passphrase, display name, pronouns — all checked already. The person already has Haven on another computer and wants to link this one. The person has a backup (say, on a new computer): restore it into this data folder.</extracomment>
        <translation>به Haven خوش آمدید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="35"/>
        <source>Your journal stays on this computer, encrypted with a passphrase only you know. If you forget it, nobody can recover your entries.</source>
        <translation>دفترچه‌تان روی همین رایانه می‌ماند و با گذرواژه‌ای رمزگذاری می‌شود که فقط شما می‌دانید. اگر آن را فراموش کنید، هیچ‌کس نمی‌تواند نوشته‌هایتان را بازیابی کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="43"/>
        <source>Display name</source>
        <translation>نام نمایشی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="44"/>
        <source>Any name you like; it need not be real</source>
        <translation>هر نامی که دوست دارید؛ لازم نیست نام واقعی باشد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="47"/>
        <source>optional, e.g. they/them</source>
        <translation>اختیاری، مثلاً: او</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="48"/>
        <source>Pronouns</source>
        <translation>ضمیرها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="54"/>
        <source>Creating your vault</source>
        <translation>در حال ساختن خزانه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="55"/>
        <location filename="../../src/haven/ui/pages/create_page.py" line="56"/>
        <source>Create my vault</source>
        <translation>خزانه‌ام را بساز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="59"/>
        <source>&amp;Link to my other device…</source>
        <translation>به دستگاه دیگرم وصل شو (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="60"/>
        <source>Link to my other device</source>
        <translation>به دستگاه دیگرم وصل شو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="62"/>
        <source>Use the journal you already have on another computer</source>
        <translation>از دفترچه‌ای که روی رایانهٔ دیگری دارید استفاده کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="64"/>
        <source>&amp;Restore a backup…</source>
        <translation>بازیابی پشتیبان (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="65"/>
        <source>Restore a backup</source>
        <translation>بازیابی پشتیبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="67"/>
        <source>Open the journal you saved in a Haven backup file</source>
        <translation>دفترچه‌ای را که در پروندهٔ پشتیبان Haven نگه داشته‌اید باز کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="71"/>
        <source>&amp;Display name</source>
        <translation>نام نمایشی (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="72"/>
        <source>Pro&amp;nouns</source>
        <translation>ضمیرها (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="108"/>
        <source>Choose a display name (any name you like).</source>
        <translation>یک نام نمایشی انتخاب کنید (هر نامی که دوست دارید).</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../src/haven/ui/dates.py" line="23"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="35"/>
        <source>Devices</source>
        <translation>دستگاه‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="39"/>
        <source>Your journal can live on several of your computers. Linked devices sync with each other directly, encrypted end to end; no server ever sees your entries.</source>
        <translation>دفترچه‌تان می‌تواند روی چند رایانهٔ شما باشد. دستگاه‌های پیوندخورده مستقیم و با رمزگذاری سرتاسری با هم همگام می‌شوند؛ هیچ سروری نوشته‌هایتان را نمی‌بیند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="45"/>
        <source>Linked devices</source>
        <translation>دستگاه‌های پیوندخورده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="47"/>
        <source>&amp;Link a new device…</source>
        <translation>پیوند دستگاه تازه (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="48"/>
        <source>Link a new device</source>
        <translation>پیوند دستگاه تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="49"/>
        <source>&amp;Unlink…</source>
        <translation>قطع پیوند (&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="50"/>
        <source>Unlink the selected device</source>
        <translation>پیوند دستگاه انتخاب‌شده را قطع کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="124"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="188"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="200"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="237"/>
        <source>Unnamed device</source>
        <translation>دستگاه بی‌نام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="128"/>
        <source>%1 — this device</source>
        <translation>%1 — همین دستگاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="130"/>
        <source>%1 — unlinked</source>
        <translation>%1 — پیوندش قطع شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="192"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="213"/>
        <source>Unlink %1?</source>
        <translation>پیوند %1 قطع شود؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="194"/>
        <source>It keeps what it already has, but it cannot read anything written after this: your journal moves to a new key that it never receives. To remove what is already on it, erase Haven's data there.</source>
        <translation>آنچه را دارد نگه می‌دارد، اما چیزی را که پس از این نوشته شود نمی‌تواند بخواند: دفترچه‌تان به کلید تازه‌ای منتقل می‌شود که هرگز به آن نمی‌رسد. برای پاک کردن آنچه اکنون روی آن است، داده‌های Haven را همان‌جا پاک کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="199"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="202"/>
        <source>Unlink %1 anyway?</source>
        <translation>با این حال پیوند %1 قطع شود؟</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/devices/devices_page.py" line="204"/>
        <source>%1 has not synced with this device since the last key update, so this device does not have its key yet. After this unlink it would have to be linked again. Sync it with this device first to avoid that.</source>
        <translation>
            <numerusform>%1 از آخرین به‌روزرسانی کلیدها با این دستگاه همگام نشده است، پس این دستگاه هنوز کلیدش را ندارد. پس از این قطع پیوند باید دوباره پیوند داده شود. برای پرهیز از این، اول آن را با این دستگاه همگام کنید.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="211"/>
        <source>Unlink anyway</source>
        <translation>با این حال قطع پیوند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="215"/>
        <source>Unlink</source>
        <translation>قطع پیوند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="218"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="219"/>
        <source>Keep it linked</source>
        <translation>پیوندش بماند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="242"/>
        <source>%1 is unlinked. Your other devices receive the new key when they next sync.</source>
        <translation>پیوند %1 قطع شد. دستگاه‌های دیگرتان در همگام‌سازی بعدی کلید تازه را می‌گیرند.</translation>
    </message>
</context>
<context>
    <name>Disappearing</name>
    <message>
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="38"/>
        <source>Posts here disappear %1 after each device receives them, from every device that follows the rules. Haven cannot stop anyone from taking a screenshot, copying the words or using a modified app to keep them.</source>
        <translation>پست‌ها در اینجا %1 پس از رسیدن به هر دستگاه، از هر دستگاهی که قواعد را رعایت می‌کند ناپدید می‌شوند. Haven نمی‌تواند جلوی گرفتن عکس از صفحه، رونوشت برداشتن از واژه‌ها یا نگه داشتن آن‌ها با یک برنامهٔ دستکاری‌شده را بگیرد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="20"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n روز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="21"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="16"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقیقه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="18"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n هفته</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discreet</name>
    <message>
        <location filename="../../src/haven/ui/discreet.py" line="39"/>
        <source>Notes</source>
        <extracomment>X11's predefined atoms WM_CLASS and STRING (xproto.h), and PropModeReplace.</extracomment>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>DmPage</name>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="33"/>
        <source>Private messages</source>
        <extracomment>Messages waiting to be read in all conversations (each counted up to the feed's cap).</extracomment>
        <translation>پیام‌های خصوصی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="37"/>
        <source>Each conversation is with one member of a space you share, under the names you both use there. Start one from a space's members: "Message privately".</source>
        <translation>هر گفت‌وگو با یکی از اعضای فضایی است که در آن شریک هستید، با نام‌هایی که هر دو آنجا به کار می‌برید. از اعضای یک فضا شروعش کنید: «پیام خصوصی».</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="43"/>
        <source>Your private conversations</source>
        <translation>گفت‌وگوهای خصوصی شما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="45"/>
        <source>No private conversations yet.</source>
        <translation>هنوز گفت‌وگوی خصوصی‌ای نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="128"/>
        <source>%1 (from %2)</source>
        <translation>%1 (از %2)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="133"/>
        <source>%1, blocked</source>
        <translation>%1، مسدود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="135"/>
        <source>%1, arrives with the next sync</source>
        <translation>%1، با همگام‌سازی بعدی می‌رسد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="137"/>
        <source>%1, %2 unread</source>
        <translation>%1، %2 خوانده‌نشده</translation>
    </message>
</context>
<context>
    <name>DmView</name>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="54"/>
        <source>Messages, oldest first</source>
        <translation>پیام‌ها، قدیمی‌ترین اول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="56"/>
        <source>Enter opens a message behind a content warning</source>
        <translation>کلید Enter پیامی را که پشت هشدار محتواست باز می‌کند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="59"/>
        <source>&amp;Send</source>
        <translation>بفرست (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="60"/>
        <source>Send the message</source>
        <translation>پیام را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="61"/>
        <source>Write a message…</source>
        <translation>پیامی بنویسید…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="62"/>
        <source>Message text</source>
        <translation>متن پیام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="63"/>
        <source>What the message is about</source>
        <translation>پیام درباره چیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="65"/>
        <source>&amp;Block…</source>
        <translation>مسدود کن (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="67"/>
        <source>Block this person: the conversation closes for both of you</source>
        <translation>این شخص را مسدود کنید: گفت‌وگو برای هر دو بسته می‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="140"/>
        <source>Conversation with %1</source>
        <translation>گفت‌وگو با %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="144"/>
        <source>Only you and %1 can read this. The admins of %2 see nothing of it, not even that it is with %1.</source>
        <translation>فقط شما و %1 می‌توانید این را بخوانید. مدیران %2 چیزی از آن نمی‌بینند، حتی این‌که با %1 است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="155"/>
        <source>This conversation is blocked: nobody can write in it any more.</source>
        <translation>این گفت‌وگو مسدود است: دیگر هیچ‌کس نمی‌تواند در آن بنویسد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="156"/>
        <source>This conversation arrives with the next sync.</source>
        <translation>این گفت‌وگو با همگام‌سازی بعدی می‌رسد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="161"/>
        <source>%1 is no longer a member of %2. You can still block them.</source>
        <translation>%1 دیگر عضو %2 نیست. هنوز می‌توانید مسدودش کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="174"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="179"/>
        <source>(deleted)</source>
        <translation>(حذف‌شده)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="181"/>
        <source>Content warning: %1. Press Enter to show the message.</source>
        <translation>هشدار محتوا: %1. برای نمایش پیام Enter را بزنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="231"/>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="239"/>
        <source>Block</source>
        <translation>مسدود کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="234"/>
        <source>Block %1? Neither of you can write in this conversation any more, and they cannot start a new one with you from this space. This cannot be undone.</source>
        <translation>%1 مسدود شود؟ دیگر هیچ‌یک از شما نمی‌تواند در این گفت‌وگو بنویسد و او نمی‌تواند از این فضا گفت‌وگوی تازه‌ای با شما شروع کند. این کار برگشت‌پذیر نیست.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="32"/>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="40"/>
        <source>Remove the duress passphrase</source>
        <translation>گذرواژهٔ اجبار را حذف کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="34"/>
        <source>Duress passphrase</source>
        <translation>گذرواژهٔ اجبار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="37"/>
        <source>Your vault's passphrase</source>
        <translation>گذرواژهٔ خزانه‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="48"/>
        <source>Using it also &amp;destroys this vault</source>
        <translation>استفاده از آن این خزانه را هم نابود می‌کند (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="49"/>
        <source>Using the duress passphrase destroys this vault</source>
        <translation>استفاده از گذرواژهٔ اجبار این خزانه را نابود می‌کند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="52"/>
        <source>If ticked, unlocking with the duress passphrase also overwrites this vault's key, without a sign. After that nobody — you included — can ever open this vault again with any passphrase; only a backup brings it back.</source>
        <translation>اگر علامت بخورد، باز کردن قفل با گذرواژهٔ اجبار کلید این خزانه را هم بی‌هیچ نشانه‌ای پاک می‌کند. از آن پس هیچ‌کس — حتی خودتان — با هیچ گذرواژه‌ای دیگر نمی‌تواند این خزانه را باز کند؛ فقط یک پشتیبان آن را برمی‌گرداند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="58"/>
        <source>I &amp;understand this cannot be undone</source>
        <translation>می‌دانم که این کار برگشت‌پذیر نیست (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="59"/>
        <source>I understand the vault cannot be recovered</source>
        <translation>می‌دانم که خزانه بازیابی‌شدنی نیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="44"/>
        <source>Saving the duress passphrase</source>
        <translation>در حال ذخیرهٔ گذرواژهٔ اجبار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="38"/>
        <source>&amp;Remove</source>
        <translation>حذف کن (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="38"/>
        <source>&amp;Set</source>
        <translation>تنظیم کن (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="42"/>
        <source>Set the duress passphrase</source>
        <translation>گذرواژهٔ اجبار را تنظیم کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="36"/>
        <source>Your &amp;passphrase</source>
        <translation>گذرواژهٔ شما (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="64"/>
        <source>The decoy journal and everything written in it are deleted.</source>
        <translation>دفترچهٔ پوششی و هر چه در آن نوشته شده پاک می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="80"/>
        <source>Type your vault's passphrase first.</source>
        <translation>اول گذرواژهٔ خزانه‌تان را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="86"/>
        <source>Tick the second box to confirm, or untick the first.</source>
        <translation>برای تأیید، جعبهٔ دوم را علامت بزنید، یا علامت جعبهٔ اول را بردارید.</translation>
    </message>
</context>
<context>
    <name>DuressSettings</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="112"/>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="113"/>
        <source>Duress passphrase</source>
        <translation>گذرواژهٔ اجبار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="119"/>
        <source>If someone forces you to unlock Haven, you can type a second passphrase instead of yours. It opens a separate decoy journal — write a few entries in it yourself, so it looks lived in — with no spaces and no linked devices. Your real vault stays closed. From outside, Haven's files look the same whether or not you set one, but someone who knows Haven well and examines the files closely may still suspect it.</source>
        <translation>اگر کسی شما را مجبور کند Haven را باز کنید، می‌توانید به جای گذرواژهٔ خودتان گذرواژهٔ دومی بنویسید. این گذرواژه دفترچهٔ پوششیِ جداگانه‌ای را باز می‌کند — چند یادداشت در آن بنویسید تا واقعی به نظر برسد — بدون هیچ فضا و دستگاه پیوندخورده‌ای. خزانهٔ واقعی‌تان بسته می‌ماند. از بیرون، پرونده‌های Haven چه آن را تنظیم کرده باشید چه نه یکسان به نظر می‌رسند، اما کسی که Haven را خوب بشناسد و پرونده‌ها را از نزدیک بررسی کند ممکن است باز هم به آن شک کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="130"/>
        <source>Set &amp;duress passphrase…</source>
        <translation>تنظیم گذرواژهٔ اجبار (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="131"/>
        <source>Set a duress passphrase</source>
        <translation>یک گذرواژهٔ اجبار تنظیم کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="132"/>
        <source>Remove duress passphrase…</source>
        <translation>حذف گذرواژهٔ اجبار…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="133"/>
        <source>Remove the duress passphrase</source>
        <translation>گذرواژهٔ اجبار را حذف کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="159"/>
        <source>Unlock Haven to change this.</source>
        <translation>برای تغییر این، قفل Haven را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="161"/>
        <source>No duress passphrase is set.</source>
        <translation>هیچ گذرواژهٔ اجباری تنظیم نشده است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="164"/>
        <source>A duress passphrase is set. Using it also destroys this vault.</source>
        <translation>گذرواژهٔ اجبار تنظیم شده است. استفاده از آن این خزانه را هم نابود می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="167"/>
        <source>A duress passphrase is set.</source>
        <translation>گذرواژهٔ اجبار تنظیم شده است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="190"/>
        <source>Duress passphrase removed.</source>
        <translation>گذرواژهٔ اجبار حذف شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="193"/>
        <source>Duress passphrase set. Lock Haven and unlock with it to write in the decoy journal.</source>
        <translation>گذرواژهٔ اجبار تنظیم شد. Haven را قفل کنید و با آن باز کنید تا در دفترچهٔ پوششی بنویسید.</translation>
    </message>
</context>
<context>
    <name>EditPostDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="32"/>
        <source>Edit your reply</source>
        <translation>پاسخ‌تان را ویرایش کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="32"/>
        <source>Edit your post</source>
        <translation>پست‌تان را ویرایش کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="42"/>
        <source>&amp;Save</source>
        <translation>ذخیره (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="42"/>
        <source>Save the changes</source>
        <translation>تغییرها را ذخیره کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="47"/>
        <source>Everyone in the space sees that the post was edited, and the new text.</source>
        <translation>همه در این فضا می‌بینند که پست ویرایش شده است، و متن تازه را هم.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="54"/>
        <source>Title (optional)</source>
        <extracomment>Share to a space… (a copy, after a dialog: journal/share_dialog.py)</extracomment>
        <translation>عنوان (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="55"/>
        <source>Entry title</source>
        <translation>عنوان یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="58"/>
        <source>Write here. Markdown is welcome.</source>
        <translation>اینجا بنویسید. مارک‌داون هم پذیرفته است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="59"/>
        <source>Entry text</source>
        <translation>متن یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="60"/>
        <source>Plain text; Markdown formatting is kept</source>
        <translation>متن ساده؛ قالب‌بندی مارک‌داون حفظ می‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="62"/>
        <source>Mood</source>
        <translation>حال‌وهوا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="63"/>
        <source>No mood</source>
        <translation>بدون حال‌وهوا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="67"/>
        <source>e.g. family, coming-out</source>
        <translation>مثلاً: خانواده، آشکارسازی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="68"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="69"/>
        <source>Separate tags with commas or spaces</source>
        <translation>برچسب‌ها را با ویرگول یا فاصله جدا کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="73"/>
        <source>&amp;Save</source>
        <translation>ذخیره (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="74"/>
        <source>Save entry</source>
        <translation>ذخیرهٔ یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="75"/>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="76"/>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="77"/>
        <source>Delete entry</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="78"/>
        <source>Share to a space…</source>
        <translation>هم‌رسانی در یک فضا…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="79"/>
        <source>Share a copy of this entry to a space</source>
        <translation>هم‌رسانی یک نسخه از این نوشته در یک فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="80"/>
        <source>&amp;New entry</source>
        <translation>یادداشت تازه (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="81"/>
        <location filename="../../src/haven/ui/journal/editor.py" line="117"/>
        <source>New entry</source>
        <translation>یادداشت تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="82"/>
        <source>New entry (Ctrl+N)</source>
        <translation>یادداشت تازه (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="85"/>
        <source>&amp;Title</source>
        <translation>عنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="86"/>
        <source>&amp;Mood</source>
        <translation>حال‌وهوا (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="87"/>
        <source>Ta&amp;gs</source>
        <translation>برچسب‌ها (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="131"/>
        <source>Edit entry</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="162"/>
        <source>Write something first: an entry needs some text.</source>
        <translation>اول چیزی بنویسید: هر یادداشت کمی متن لازم دارد.</translation>
    </message>
</context>
<context>
    <name>ErrorGuard</name>
    <message>
        <location filename="../../src/haven/ui/error_guard.py" line="68"/>
        <source>Something went wrong</source>
        <translation>مشکلی پیش آمد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/error_guard.py" line="72"/>
        <source>Something inside Haven went wrong. What you have already saved is safe. If this happens again, lock Haven and open it again.</source>
        <translation>در Haven مشکلی پیش آمد. آنچه پیش‌تر ذخیره کرده‌اید امن است. اگر دوباره پیش آمد، Haven را قفل کنید و دوباره باز کنید.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="54"/>
        <source>Events, upcoming first</source>
        <extracomment>event id, answer ("going", "maybe" or "no") an admin asked for the "New event…" dialog an organiser selected their event: read its guest list (event id) event id, member key</extracomment>
        <translation>رویدادها، نزدیک‌ترین‌ها اول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="57"/>
        <source>No events in this space yet.</source>
        <translation>هنوز رویدادی در این فضا نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="58"/>
        <source>Ne&amp;w event…</source>
        <translation>رویداد تازه (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="59"/>
        <source>Create a new event</source>
        <translation>ساختن رویداد تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="68"/>
        <source>Event details</source>
        <translation>جزئیات رویداد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="69"/>
        <source>&amp;Going</source>
        <translation>می‌آیم (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="70"/>
        <source>Answer: going</source>
        <translation>پاسخ: می‌آیم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="71"/>
        <source>Ma&amp;ybe</source>
        <translation>شاید (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="72"/>
        <source>Answer: maybe</source>
        <translation>پاسخ: شاید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="73"/>
        <source>Can'&amp;t go</source>
        <translation>نمی‌توانم بیایم (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="74"/>
        <source>Answer: can't go</source>
        <translation>پاسخ: نمی‌توانم بیایم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="78"/>
        <source>Only the organisers see your answer and your note.</source>
        <translation>فقط برگزارکنندگان پاسخ و یادداشت شما را می‌بینند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="81"/>
        <source>Guest list (only organisers see it)</source>
        <translation>فهرست مهمانان (فقط برگزارکنندگان می‌بینند)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="83"/>
        <source>Guest list, only organisers see it</source>
        <translation>فهرست مهمانان، فقط برگزارکنندگان می‌بینند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="84"/>
        <source>Appro&amp;ve guest</source>
        <translation>تأیید مهمان (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="85"/>
        <source>Approve the selected guest</source>
        <translation>تأیید مهمان انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="153"/>
        <source>%1 — %2 (cancelled)</source>
        <translation>%1 — %2 (لغو شد)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="155"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="186"/>
        <source>This event was cancelled.</source>
        <translation>این رویداد لغو شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="189"/>
        <source>%1 to %2</source>
        <translation>از %1 تا %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="190"/>
        <source>When: %1</source>
        <translation>زمان: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="192"/>
        <source>Every week, %Ln times</source>
        <translation>
            <numerusform>هر هفته، %Ln بار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="194"/>
        <source>Every month, %Ln times</source>
        <translation>
            <numerusform>هر ماه، %Ln بار</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="196"/>
        <source>In person</source>
        <translation>حضوری</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="197"/>
        <source>Online</source>
        <translation>آنلاین</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="198"/>
        <source>In person and online</source>
        <translation>حضوری و آنلاین</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="202"/>
        <source>Organisers: %1</source>
        <translation>برگزارکنندگان: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="204"/>
        <source>Place: %1</source>
        <translation>مکان: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="207"/>
        <source>The place is revealed on %1 to people who have a place.</source>
        <translation>مکان در %1 برای کسانی که جا دارند آشکار می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="212"/>
        <source>The place is revealed to people who have a place.</source>
        <translation>مکان برای کسانی که جا دارند آشکار می‌شود.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="214"/>
        <source>%Ln people answered</source>
        <translation>
            <numerusform>%Ln نفر پاسخ دادند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="216"/>
        <source>You are going.</source>
        <translation>شما می‌آیید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="217"/>
        <source>You said maybe.</source>
        <translation>گفتید شاید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="218"/>
        <source>You can't go.</source>
        <translation>نمی‌توانید بیایید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="223"/>
        <source>The organisers approved you.</source>
        <translation>برگزارکنندگان شما را تأیید کردند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>going</source>
        <translation>می‌آید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>maybe</source>
        <translation>شاید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>can't go</source>
        <translation>نمی‌تواند بیاید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="242"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="244"/>
        <source>approved</source>
        <translation>تأییدشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="245"/>
        <source>has a place</source>
        <translation>جا دارد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="245"/>
        <source>no place</source>
        <translation>جا ندارد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="247"/>
        <source>no longer a member</source>
        <translation>دیگر عضو نیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="249"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="253"/>
        <source>%1 — note: %2</source>
        <translation>%1 — یادداشت: %2</translation>
    </message>
</context>
<context>
    <name>FeedTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="59"/>
        <source>Threads</source>
        <translation>رشته‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="61"/>
        <source>Pinned first, then newest first; press Enter to read one</source>
        <translation>اول سنجاق‌شده‌ها، بعد تازه‌ترین‌ها؛ برای خواندن یکی Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="63"/>
        <source>No posts yet. Write the first one below.</source>
        <translation>هنوز پستی نیست. اولی را پایین بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="68"/>
        <source>Posts hidden by your mute words</source>
        <translation>پست‌هایی که واژه‌های بی‌صداشدهٔ شما پنهان کرده‌اند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="76"/>
        <source>Show &amp;older posts</source>
        <translation>نمایش پست‌های قدیمی‌تر (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="77"/>
        <source>Show older posts</source>
        <translation>نمایش پست‌های قدیمی‌تر</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="135"/>
        <source>Showing %Ln post(s) your mute words hide — hide them</source>
        <translation>
            <numerusform>نمایش %Ln پستی که واژه‌های بی‌صداشدهٔ شما پنهان می‌کنند — پنهانشان کن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="137"/>
        <source>%Ln post(s) hidden by your mute words — show</source>
        <translation>
            <numerusform>%Ln پست با واژه‌های بی‌صداشدهٔ شما پنهان شده — نشان بده</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="21"/>
        <source>Search your journal (Ctrl+F)</source>
        <translation>در دفترچه‌تان جست‌وجو کنید (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="22"/>
        <source>Search entries</source>
        <translation>جست‌وجوی یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="25"/>
        <source>Filter by tag</source>
        <translation>پالایش بر اساس برچسب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="27"/>
        <source>Filter by mood</source>
        <translation>پالایش بر اساس حال‌وهوا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="28"/>
        <source>Any mood</source>
        <translation>هر حال‌وهوایی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="42"/>
        <source>B&amp;y tag</source>
        <translation>بر اساس برچسب (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="42"/>
        <source>By m&amp;ood</source>
        <translation>بر اساس حال‌وهوا (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="58"/>
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
</context>
<context>
    <name>GoingExport</name>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="50"/>
        <source>Export my events</source>
        <translation>برون‌بری رویدادهایم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="51"/>
        <source>Export my events as a calendar file</source>
        <translation>برون‌بری رویدادهایم به‌صورت پروندهٔ تقویم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="54"/>
        <source>The calendar file is NOT encrypted: anyone who can open it sees the events you are going to, when they are and in which spaces. Keep it somewhere safe and delete it when you no longer need it.</source>
        <translation>پروندهٔ تقویم رمزگذاری نمی‌شود: هر کسی که بتواند آن را باز کند می‌بیند در چه رویدادهایی شرکت می‌کنید، کی برگزار می‌شوند و در کدام فضاها. آن را جای امنی نگه دارید و وقتی دیگر لازمش ندارید پاکش کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="59"/>
        <source>Include the &amp;places revealed to me</source>
        <translation>گنجاندن مکان‌هایی که برایم آشکار شده (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="60"/>
        <source>Include the places revealed to me in the file</source>
        <translation>مکان‌هایی را که برایم آشکار شده در پرونده بگنجان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="62"/>
        <source>&amp;Choose where to save…</source>
        <translation>انتخاب جای ذخیره (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="63"/>
        <source>Choose where to save the calendar file</source>
        <translation>جای ذخیرهٔ پروندهٔ تقویم را انتخاب کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="64"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="65"/>
        <source>Cancel: write nothing</source>
        <translation>انصراف: چیزی نوشته نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="80"/>
        <source>Save the calendar file as</source>
        <translation>ذخیرهٔ پروندهٔ تقویم با نام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="82"/>
        <source>Calendar files (*.ics)</source>
        <translation>پرونده‌های تقویم (*.ics)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="94"/>
        <source>Writing the calendar file…</source>
        <translation>در حال نوشتن پروندهٔ تقویم…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/going_export.py" line="109"/>
        <source>Wrote %Ln event(s) to %1 — outside the encrypted vault.</source>
        <translation>
            <numerusform>%Ln رویداد در %1 نوشته شد — بیرون از خزانهٔ رمزگذاری‌شده.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="119"/>
        <source>Nothing was written: that file exists. Choose a new name.</source>
        <translation>چیزی نوشته نشد: این پرونده از پیش وجود دارد. نام تازه‌ای انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="105"/>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="125"/>
        <source>Hand over ownership</source>
        <translation>واگذاری مالکیت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="109"/>
        <source>The new owner can do everything you can now, including removing you. You stay in the space as an admin.</source>
        <translation>مالک تازه می‌تواند هر کاری که شما اکنون می‌کنید بکند، از جمله بیرون کردن شما. شما به‌عنوان مدیر در فضا می‌مانید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="115"/>
        <source>New owner</source>
        <translation>مالک تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="124"/>
        <source>New &amp;owner</source>
        <translation>مالک تازه (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="125"/>
        <source>&amp;Hand over</source>
        <translation>واگذار کن (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="129"/>
        <source>There is no other active member to hand over to.</source>
        <translation>عضو فعال دیگری برای واگذاری نیست.</translation>
    </message>
</context>
<context>
    <name>HavenWindow</name>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="77"/>
        <source>Journal</source>
        <extracomment>Quick exit happened (window hidden, vault locked). `run_app` quits on it. The language changed and the person asked to restart: `run_app` locks, then builds a new window in the new language. Open the vault in this folder (a restored backup): `run_app` locks, gives up the current folder's claim and builds a new window there.</extracomment>
        <translation>دفترچه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="78"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="79"/>
        <source>Devices</source>
        <translation>دستگاه‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="81"/>
        <location filename="../../src/haven/ui/main_window.py" line="364"/>
        <source>Spaces</source>
        <translation>فضاها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="84"/>
        <source>Upcoming</source>
        <translation>پیش رو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="86"/>
        <location filename="../../src/haven/ui/main_window.py" line="368"/>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="181"/>
        <source>Haven</source>
        <translation>Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="301"/>
        <source>Signed in as %1</source>
        <translation>واردشده با نام %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="317"/>
        <source>Your vault is damaged</source>
        <translation>خزانه‌تان آسیب دیده است</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="320"/>
        <source>Haven found %Ln damaged page(s) in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</source>
        <translation>
            <numerusform>‏Haven در خزانه‌تان %Ln صفحهٔ آسیب‌دیده پیدا کرد: خطای دیسک، یا پرونده تغییر کرده است. آنچه باز می‌شود سالم است؛ آنچه روی آن صفحه‌ها بود خواندنی نیست.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="328"/>
        <source>Back up what still opens now (Settings, Back up my vault), then restore your most recent backup into a new folder (Restore a backup, in Settings or on the unlock page) to recover the rest.</source>
        <translation>از آنچه هنوز باز می‌شود همین حالا پشتیبان بگیرید (تنظیمات، از خزانه‌ام پشتیبان بگیر)، سپس تازه‌ترین پشتیبان‌تان را در پوشه‌ای تازه بازیابی کنید (بازیابی پشتیبان، در تنظیمات یا صفحهٔ باز کردن قفل) تا بقیه را برگردانید.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="363"/>
        <source>Spaces, %Ln unread</source>
        <translation>
            <numerusform>فضاها، %Ln خوانده‌نشده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="367"/>
        <source>Messages, %Ln unread</source>
        <translation>
            <numerusform>پیام‌ها، %Ln خوانده‌نشده</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="33"/>
        <source>Get help now</source>
        <translation>همین حالا کمک بگیرید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="36"/>
        <source>If you are in danger now, call the emergency number. These services listen without judging; many are free and confidential.</source>
        <translation>اگر همین حالا در خطرید، با شمارهٔ اضطراری تماس بگیرید. این خدمات بی‌قضاوت گوش می‌دهند؛ بسیاری رایگان و محرمانه‌اند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="42"/>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="46"/>
        <source>Services in this country</source>
        <translation>خدمات در این کشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="50"/>
        <source>&amp;Back</source>
        <translation>بازگشت (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="51"/>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="52"/>
        <source>Show the &amp;introduction again</source>
        <translation>معرفی را دوباره نشان بده (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="53"/>
        <source>Show the introduction to Haven again</source>
        <translation>معرفی Haven را دوباره نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="55"/>
        <source>&amp;Country</source>
        <translation>کشور (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="79"/>
        <source>The list of services is missing. In danger, call your emergency number.</source>
        <translation>فهرست خدمات پیدا نشد. در خطر، با شمارهٔ اضطراری تماس بگیرید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="105"/>
        <source>Emergency: %1</source>
        <translation>اضطراری: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="109"/>
        <source>Call: %1</source>
        <translation>تماس: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="111"/>
        <source>Text: %1</source>
        <translation>پیامک: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="113"/>
        <source>Web: %1</source>
        <translation>وب: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="115"/>
        <source>Hours: %1</source>
        <translation>ساعت‌ها: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="116"/>
        <source>checked %1</source>
        <translation>بررسی‌شده در %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="119"/>
        <source>%1 · source: %2</source>
        <translation>%1 · منبع: %2</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="28"/>
        <source>Sections</source>
        <translation>بخش‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="34"/>
        <source>&amp;Lock</source>
        <translation>قفل (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="35"/>
        <source>Lock Haven</source>
        <translation>قفل کردن Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="36"/>
        <source>Lock (Ctrl+L); quick exit: Shift three times</source>
        <translation>قفل (Ctrl+L)؛ خروج سریع: سه بار Shift</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="41"/>
        <source>Get &amp;help now</source>
        <translation>همین حالا کمک بگیرید (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="42"/>
        <source>Get help now: crisis lines and support</source>
        <translation>همین حالا کمک بگیرید: خطوط بحران و پشتیبانی</translation>
    </message>
</context>
<context>
    <name>IntroductionDialog</name>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="40"/>
        <source>Welcome</source>
        <translation>خوش آمدید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="41"/>
        <source>Introduction to Haven</source>
        <translation>آشنایی با Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="54"/>
        <source>S&amp;kip</source>
        <translation>رد شو (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="55"/>
        <source>Skip the introduction</source>
        <translation>از معرفی رد شو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="56"/>
        <source>&amp;Back</source>
        <translation>بازگشت (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="57"/>
        <source>Previous step</source>
        <translation>گام قبلی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="80"/>
        <source>A private place, on your computer</source>
        <translation>جایی خصوصی، روی رایانهٔ خودتان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="82"/>
        <source>Your journal and your spaces are encrypted on this computer. Nobody — no company, no server, no relay — can read them. Haven sends nothing about you anywhere and needs no email, phone number or real name.</source>
        <translation>دفترچه و فضاهایتان روی همین رایانه رمزگذاری می‌شوند. هیچ‌کس — نه شرکتی، نه سروری، نه رله‌ای — نمی‌تواند آن‌ها را بخواند. ‏Haven هیچ چیزی دربارهٔ شما به جایی نمی‌فرستد و به ایمیل، شمارهٔ تلفن یا نام واقعی نیازی ندارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="89"/>
        <source>Only you know your passphrase</source>
        <translation>گذرواژه‌تان را فقط خودتان می‌دانید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="91"/>
        <source>Your passphrase is the only key. If you forget it, nobody can open your vault — not even the people who make Haven. Keep it somewhere safe.</source>
        <translation>گذرواژه‌تان تنها کلید است. اگر فراموشش کنید، هیچ‌کس نمی‌تواند خزانه‌تان را باز کند — حتی سازندگان Haven. آن را جای امنی نگه دارید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="97"/>
        <source>Leave in a moment</source>
        <translation>در یک لحظه بروید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="99"/>
        <source>Press Shift three times, or %1, to hide Haven and lock it at once. Ctrl+L locks without hiding, and Haven locks itself when you step away.</source>
        <translation>سه بار Shift یا %1 را بزنید تا Haven فوراً پنهان و قفل شود. ‏Ctrl+L بدون پنهان کردن قفل می‌کند، و Haven وقتی از پای رایانه بروید خودش قفل می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="105"/>
        <source>Keep a backup</source>
        <translation>پشتیبان نگه دارید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="107"/>
        <source>A lost or broken computer should not cost you your journal. Make an encrypted backup now and then and keep it somewhere safe; it opens only with your passphrase.</source>
        <translation>گم شدن یا خراب شدن رایانه نباید به قیمت دفترچه‌تان تمام شود. گاه‌به‌گاه یک پشتیبان رمزگذاری‌شده بسازید و جای امنی نگه دارید؛ فقط با گذرواژهٔ شما باز می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="139"/>
        <source>&amp;Start</source>
        <translation>شروع (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="139"/>
        <source>&amp;Next</source>
        <translation>بعدی (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="141"/>
        <source>Close the introduction</source>
        <translation>بستن معرفی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="141"/>
        <source>Next step</source>
        <translation>گام بعدی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="144"/>
        <source>Step %1 of %2</source>
        <translation>گام %1 از %2</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="38"/>
        <source>Invite someone</source>
        <translation>دعوت از کسی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="42"/>
        <source>Give this code to one person you trust, in person or through a private channel. They will see the name and guidelines of %1 and can ask to join; you approve each request under Members before they can read anything.</source>
        <translation>این کد را به یک نفر که به او اعتماد دارید بدهید، حضوری یا از راهی خصوصی. او نام و رهنمودهای %1 را می‌بیند و می‌تواند درخواست پیوستن بدهد؛ شما هر درخواست را در بخش اعضا تأیید می‌کنید، پیش از آنکه چیزی بخواند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="54"/>
        <source>Invite code as words</source>
        <translation>کد دعوت به‌صورت واژه‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="55"/>
        <source>&amp;Words</source>
        <translation>واژه‌ها (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="59"/>
        <source>Invite code to paste</source>
        <translation>کد دعوت برای چسباندن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="60"/>
        <source>Code to &amp;paste</source>
        <translation>کد برای چسباندن (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="64"/>
        <source>&amp;Copy</source>
        <translation>رونوشت (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="65"/>
        <source>Copy the invite code</source>
        <translation>کد دعوت را رونوشت کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="67"/>
        <source>Invite code as a QR image</source>
        <translation>کد دعوت به‌صورت تصویر QR</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="75"/>
        <source>Route: through the relay %1. The code holds no address of yours or anyone's. You can close Haven: their request waits on the relay, and the Haven of any admin of this space picks it up.</source>
        <translation>مسیر: از طریق رلهٔ %1. این کد نشانی شما یا هیچ‌کس دیگری را ندارد. می‌توانید Haven را ببندید: درخواستِ او روی رله منتظر می‌ماند و Haven هر مدیرِ این فضا آن را برمی‌دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="83"/>
        <source>Route: straight to this computer, for someone on your network. The code holds this computer's address; Haven must stay open and unlocked here so the person can reach you.</source>
        <translation>مسیر: مستقیم به این رایانه، برای کسی روی شبکهٔ شما. این کد نشانی این رایانه را دارد؛ ‏Haven باید اینجا باز و بی‌قفل بماند تا آن شخص بتواند به شما برسد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="90"/>
        <source>The code works once, until %1.</source>
        <translation>این کد یک بار کار می‌کند، تا %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="93"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="94"/>
        <source>Close the invite</source>
        <translation>بستن دعوت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="118"/>
        <source>Code copied. It leaves the clipboard in a minute, or when Haven locks.</source>
        <translation>کد رونوشت شد. تا یک دقیقه دیگر، یا وقتی Haven قفل شود، از کلیپ‌بورد پاک می‌شود.</translation>
    </message>
</context>
<context>
    <name>InviteRouteDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="47"/>
        <source>How will they join?</source>
        <translation>چطور می‌پیوندد؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="49"/>
        <source>From &amp;anywhere (recommended)</source>
        <translation>از هر جا (پیشنهادی) (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="51"/>
        <source>Works wherever they are, even when your computer is off. The code goes through your space's relay and holds no address of yours.</source>
        <translation>هر جا که باشد کار می‌کند، حتی وقتی رایانهٔ شما خاموش است. کد از راه رلهٔ فضای شما می‌رود و هیچ نشانی‌ای از شما در خود ندارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="54"/>
        <source>Only &amp;nearby, on this network</source>
        <translation>فقط نزدیک، روی همین شبکه (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="56"/>
        <source>For someone on the same Wi-Fi or network as this computer right now. Haven must stay open here until they join. The code holds this computer's network address.</source>
        <translation>برای کسی که همین حالا روی همان وای‌فای یا شبکهٔ این رایانه است. Haven باید تا پیوستن او این‌جا باز بماند. کد نشانی شبکهٔ این رایانه را در خود دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="60"/>
        <source>Where is the person you are inviting?</source>
        <translation>کسی که دعوتش می‌کنید کجاست؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="79"/>
        <source>&amp;Make the code</source>
        <translation>کد را بساز (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="80"/>
        <source>Make the invite code</source>
        <translation>کد دعوت را بساز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="83"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="84"/>
        <source>Cancel the invite</source>
        <translation>لغو دعوت</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="99"/>
        <source>Join a space</source>
        <extracomment>False for a denial that another admin's approval at the same moment may still undo (the request's keys stay until `final_at_ms`). The space joined (its id).</extracomment>
        <translation>پیوستن به یک فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="102"/>
        <source>Invite code</source>
        <translation>کد دعوت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="103"/>
        <source>Paste the code, or type its words</source>
        <translation>کد را بچسبانید، یا واژه‌هایش را بنویسید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="105"/>
        <source>&amp;Look up</source>
        <translation>بررسی کن (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="106"/>
        <source>Look up the invite code</source>
        <translation>کد دعوت را بررسی کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="112"/>
        <source>The space's guidelines</source>
        <translation>رهنمودهای فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="113"/>
        <source>I &amp;accept these guidelines</source>
        <translation>این رهنمودها را می‌پذیرم (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="114"/>
        <source>Accept the guidelines</source>
        <translation>پذیرفتن رهنمودها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="117"/>
        <source>Your name in this space</source>
        <translation>نام شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="120"/>
        <source>Your pronouns in this space</source>
        <translation>ضمیرهای شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="121"/>
        <source>As&amp;k to join</source>
        <translation>درخواست پیوستن (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="122"/>
        <source>Send the join request</source>
        <translation>درخواست پیوستن را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="123"/>
        <source>Check a&amp;gain</source>
        <translation>دوباره بررسی کن (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="124"/>
        <source>Ask whether an admin answered</source>
        <translation>بپرس آیا مدیری پاسخ داده است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="128"/>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="129"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="135"/>
        <source>&amp;Name here</source>
        <translation>نام در اینجا (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="136"/>
        <source>&amp;Pronouns</source>
        <translation>ضمیرها (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="189"/>
        <source>That is not a whole Haven invite code. Check it against what you were given (a mistyped word is caught).</source>
        <translation>این یک کد دعوت کامل Haven نیست. آن را با آنچه به شما داده‌اند مقایسه کنید (واژهٔ اشتباه تایپ‌شده شناخته می‌شود).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="197"/>
        <source>You already asked to join with this code.</source>
        <translation>شما قبلاً با این کد درخواست پیوستن داده‌اید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="201"/>
        <source>This invite code has expired. Ask for a new one.</source>
        <translation>این کد دعوت منقضی شده است. کد تازه‌ای بخواهید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="210"/>
        <source>Reading the invite on the relay…</source>
        <translation>در حال خواندن دعوت روی رله…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="216"/>
        <source>Asking the person who invited you…</source>
        <translation>در حال پرسیدن از کسی که شما را دعوت کرده…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="228"/>
        <source>(No guidelines written.)</source>
        <translation>(رهنمودی نوشته نشده است.)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="232"/>
        <source>Read the guidelines. If you accept them, choose the name this space will know you by and ask to join.</source>
        <translation>رهنمودها را بخوانید. اگر آن‌ها را می‌پذیرید، نامی را که این فضا شما را با آن بشناسد انتخاب کنید و درخواست پیوستن بدهید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="253"/>
        <source>Leaving your request on the relay…</source>
        <translation>در حال گذاشتن درخواست‌تان روی رله…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="261"/>
        <source>Sending your request…</source>
        <translation>در حال فرستادن درخواست‌تان…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="275"/>
        <source>Looking for an answer on the relay…</source>
        <translation>در حال جست‌وجوی پاسخ روی رله…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="282"/>
        <source>Asking whether an admin answered…</source>
        <translation>در حال پرسیدن که آیا مدیری پاسخ داده…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="291"/>
        <source>An admin declined your request. If another admin lets you in at the same time, you still join: Haven keeps your request until %1.</source>
        <translation>یکی از مدیران درخواستتان را رد کرد. اگر مدیر دیگری هم‌زمان راهتان بدهد، باز هم می‌پیوندید: Haven درخواستتان را تا %1 نگه می‌دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="298"/>
        <source>Waiting for an admin. Your request waits on the relay; you can close this window or Haven, and Haven collects the answer when it syncs.</source>
        <translation>در انتظار یک مدیر. درخواست‌تان روی رله منتظر است؛ می‌توانید این پنجره یا Haven را ببندید و Haven هنگام همگام‌سازی پاسخ را می‌گیرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="305"/>
        <source>Your request was sent. An admin needs to approve it; press “Check again” later.</source>
        <translation>درخواست‌تان فرستاده شد. یک مدیر باید آن را تأیید کند؛ بعداً «دوباره بررسی کن» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="312"/>
        <source>Declined: an admin turned your request down. The keys made for it were deleted.</source>
        <translation>رد شد: یک مدیر درخواست‌تان را نپذیرفت. کلیدهایی که برایش ساخته شده بود پاک شدند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="318"/>
        <source>Expired: nobody answered before the code ran out. Ask for a new one.</source>
        <translation>منقضی شد: پیش از پایان اعتبار کد کسی پاسخ نداد. کد تازه‌ای بخواهید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="324"/>
        <source>The invite was withdrawn or used up before an answer. Ask for a new one.</source>
        <translation>دعوت پیش از پاسخ پس گرفته شد یا به کار رفت. دعوت تازه‌ای بخواهید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="327"/>
        <source>Approved — fetching the space. You joined it.</source>
        <translation>پذیرفته شد — در حال دریافت فضا. به آن پیوستید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="330"/>
        <source>You joined the space.</source>
        <translation>به فضا پیوستید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="130"/>
        <source>This invite is no longer valid: it expired, was used up or was withdrawn. Ask for a new one. Nothing was kept.</source>
        <translation>این دعوت دیگر معتبر نیست: منقضی شده، به کار رفته یا پس گرفته شده است. کد تازه‌ای بخواهید. چیزی نگه داشته نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="376"/>
        <source>Haven cannot reach the person who invited you. Their Haven needs to be open and unlocked, on a network you can reach. Try again later.</source>
        <translation>‏Haven نمی‌تواند به کسی که شما را دعوت کرده برسد. ‏Haven او باید باز و بی‌قفل باشد، روی شبکه‌ای که به آن دسترسی دارید. بعداً دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="47"/>
        <source>Journal entries</source>
        <translation>یادداشت‌های دفترچه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="48"/>
        <source>Newest first; press Enter to open one</source>
        <translation>تازه‌ترین اول؛ برای باز کردن یکی Enter را بزنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="59"/>
        <source>Journal sync status</source>
        <translation>وضعیت همگام‌سازی دفترچه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="186"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="192"/>
        <source>Delete entry</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="193"/>
        <source>Delete this entry? This cannot be undone.</source>
        <translation>این یادداشت حذف شود؟ این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="198"/>
        <source>Confirm deleting the entry</source>
        <translation>تأیید حذف یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="210"/>
        <source>Deleted.</source>
        <translation>حذف شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="219"/>
        <source>A copy was posted in the space.</source>
        <translation>یک نسخه در فضا فرستاده شد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="281"/>
        <source>%Ln or more entries</source>
        <translation>
            <numerusform>%Ln یادداشت یا بیشتر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="283"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln یادداشت</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="298"/>
        <source>Nothing found</source>
        <translation>چیزی پیدا نشد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="299"/>
        <source>No entry matches this search. Try other words, or clear it.</source>
        <translation>هیچ یادداشتی با این جست‌وجو جور نیست. واژه‌های دیگری امتحان کنید، یا آن را پاک کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="301"/>
        <source>&amp;Clear the search</source>
        <translation>پاک کردن جست‌وجو (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="305"/>
        <source>Your journal is waiting</source>
        <translation>دفترچه‌تان منتظر است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="307"/>
        <source>This page is yours alone: write whatever is on your mind. Only your passphrase opens it.</source>
        <translation>این صفحه فقط مال شماست: هر چه در دل دارید بنویسید. فقط گذرواژهٔ شما آن را باز می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="311"/>
        <source>&amp;Write your first entry</source>
        <translation>نخستین یادداشت‌تان را بنویسید (&amp;W)</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="21"/>
        <source>Language</source>
        <extracomment>"Restart now" was pressed: the window locks and is built again in the new language.</extracomment>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="24"/>
        <source>Language of the app</source>
        <translation>زبان برنامه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="25"/>
        <source>Same as the system</source>
        <translation>مانند سیستم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="29"/>
        <source>&amp;Restart now</source>
        <translation>همین حالا راه‌اندازی دوباره (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="30"/>
        <source>Restart Haven in the chosen language</source>
        <translation>‏Haven را با زبان انتخاب‌شده دوباره راه‌اندازی کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="32"/>
        <source>Locks your vault first; unlock it again after the restart.</source>
        <translation>اول خزانه‌تان را قفل می‌کند؛ پس از راه‌اندازی دوباره، قفلش را باز کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="40"/>
        <source>Lan&amp;guage</source>
        <translation>زبان (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="55"/>
        <source>Haven will be in the chosen language after a restart. Restarting locks your vault; unlock it again afterwards.</source>
        <translation>‏Haven پس از راه‌اندازی دوباره به زبان انتخاب‌شده خواهد بود. راه‌اندازی دوباره خزانه‌تان را قفل می‌کند؛ پس از آن دوباره بازش کنید.</translation>
    </message>
</context>
<context>
    <name>LinkDevicePage</name>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="54"/>
        <source>Link to my other device</source>
        <extracomment>The person wants to create a new vault instead.</extracomment>
        <translation>به دستگاه دیگرم وصل شو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="57"/>
        <source>On your other device, open Haven, go to Devices and choose “Link a new device”. Type or paste the code it shows, and choose a passphrase for this computer.</source>
        <translation>در دستگاه دیگرتان Haven را باز کنید، به «دستگاه‌ها» بروید و «پیوند دستگاه تازه» را انتخاب کنید. کدی را که نشان می‌دهد بنویسید یا بچسبانید، و برای این رایانه گذرواژه‌ای انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="63"/>
        <source>Pairing code</source>
        <translation>کد جفت‌سازی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="64"/>
        <source>hvn1-…, or a short code like 7-purple-sausages</source>
        <translation>‏hvn1-…، یا کدی کوتاه مثل 7-purple-sausages</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="67"/>
        <source>Relay of the short code</source>
        <translation>رلهٔ کد کوتاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="69"/>
        <source>shown next to the short code, e.g. relay.example.org</source>
        <translation>کنار کد کوتاه نشان داده می‌شود، مثلاً relay.example.org</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="72"/>
        <source>&amp;Relay</source>
        <translation>رله (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="76"/>
        <source>Name of this device</source>
        <translation>نام این دستگاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="77"/>
        <source>optional, e.g. laptop</source>
        <translation>اختیاری، مثلاً: لپ‌تاپ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="82"/>
        <source>&amp;Connect</source>
        <translation>وصل شو (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="83"/>
        <source>Connect to my other device</source>
        <translation>به دستگاه دیگرم وصل شو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="85"/>
        <source>&amp;Back</source>
        <translation>بازگشت (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="86"/>
        <source>Back to creating a new vault</source>
        <translation>بازگشت به ساختن خزانهٔ تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="88"/>
        <source>Your other device shows four words. Continue only if they are exactly these:</source>
        <translation>دستگاه دیگرتان چهار واژه نشان می‌دهد. فقط اگر دقیقاً همین‌ها هستند ادامه دهید:</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="92"/>
        <source>They &amp;match</source>
        <translation>یکسان‌اند (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="93"/>
        <source>The words match</source>
        <translation>واژه‌ها یکسان‌اند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="94"/>
        <source>They &amp;don’t match</source>
        <translation>یکسان نیستند (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="95"/>
        <source>The words do not match</source>
        <translation>واژه‌ها یکسان نیستند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="97"/>
        <source>Linking</source>
        <translation>در حال پیوند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="100"/>
        <source>Pairing &amp;code</source>
        <translation>کد جفت‌سازی (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="102"/>
        <source>&amp;Name of this device</source>
        <translation>نام این دستگاه (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="213"/>
        <source>Connecting to your other device…</source>
        <translation>در حال وصل شدن به دستگاه دیگرتان…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="233"/>
        <source>Receiving your journal keys…</source>
        <translation>در حال دریافت کلیدهای دفترچه‌تان…</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="61"/>
        <source>Link a new device</source>
        <extracomment>A device was linked (its name); the Devices page refreshes.</extracomment>
        <translation>پیوند دستگاه تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="65"/>
        <source>On your other computer, open Haven and choose “Link to my other device”, then type or paste this code. Both computers need to be on the same network.</source>
        <translation>در رایانهٔ دیگرتان Haven را باز کنید و «به دستگاه دیگرم وصل شو» را انتخاب کنید، سپس این کد را بنویسید یا بچسبانید. هر دو رایانه باید روی یک شبکه باشند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="72"/>
        <source>Pairing code</source>
        <translation>کد جفت‌سازی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="73"/>
        <source>Making a code…</source>
        <translation>در حال ساختن کد…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="76"/>
        <source>&amp;Copy</source>
        <translation>رونوشت (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="77"/>
        <source>Copy the pairing code</source>
        <translation>کد جفت‌سازی را رونوشت کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="80"/>
        <source>Pairing code as a QR image</source>
        <translation>کد جفت‌سازی به‌صورت تصویر QR</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="86"/>
        <source>Your other computer now shows four words. Link only if they are exactly these:</source>
        <translation>رایانهٔ دیگرتان اکنون چهار واژه نشان می‌دهد. فقط اگر دقیقاً همین‌ها هستند پیوند دهید:</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="91"/>
        <source>They &amp;match</source>
        <translation>یکسان‌اند (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="92"/>
        <source>The words match</source>
        <translation>واژه‌ها یکسان‌اند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="93"/>
        <source>They &amp;don’t match</source>
        <translation>یکسان نیستند (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="94"/>
        <source>The words do not match</source>
        <translation>واژه‌ها یکسان نیستند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="99"/>
        <source>Cancel linking</source>
        <translation>لغو پیوند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="101"/>
        <source>Show a &amp;short code to type instead</source>
        <translation>به‌جایش کدی کوتاه برای تایپ نشان بده (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="102"/>
        <source>Show a short code to type instead</source>
        <translation>به‌جایش کدی کوتاه برای تایپ نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="109"/>
        <source>Short code</source>
        <translation>کد کوتاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="114"/>
        <source>Relay for the short code</source>
        <translation>رله برای کد کوتاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="185"/>
        <source>The code works once, until %1.</source>
        <translation>این کد یک بار کار می‌کند، تا %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="193"/>
        <source>Making a short code…</source>
        <translation>در حال ساختن کد کوتاه…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="203"/>
        <source>The relay could not make a short code right now; the code above works.</source>
        <translation>رله الان نتوانست کد کوتاه بسازد؛ کد بالا کار می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="208"/>
        <source>Or, on your other computer, choose “Link to my other device” and type this short code and relay. It works once: a wrong guess stops linking.</source>
        <translation>یا روی رایانهٔ دیگرتان «به دستگاه دیگرم وصل شو» را انتخاب کنید و این کد کوتاه و رله را بنویسید. یک بار کار می‌کند: یک حدس نادرست پیوند را متوقف می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="216"/>
        <source>Short code: %1</source>
        <translation>کد کوتاه: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="218"/>
        <source>Relay for the short code: %1</source>
        <translation>رله برای کد کوتاه: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="233"/>
        <source>your new device</source>
        <translation>دستگاه تازه‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="234"/>
        <source>Linked %1. It now holds your journal.</source>
        <translation>%1 پیوند خورد. اکنون دفترچه‌تان را دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="250"/>
        <source>Sending your journal keys to the other device…</source>
        <translation>در حال فرستادن کلیدهای دفترچه‌تان به دستگاه دیگر…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="256"/>
        <source>Code copied. It leaves the clipboard in a minute, or when Haven locks.</source>
        <translation>کد رونوشت شد. تا یک دقیقه دیگر، یا وقتی Haven قفل شود، از کلیپ‌بورد پاک می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="275"/>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="276"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="20"/>
        <source>That is not a Haven pairing code. It starts with “hvn1-”.</source>
        <translation>این کد جفت‌سازی Haven نیست. با «hvn1-» شروع می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="22"/>
        <source>The code is mistyped or incomplete. Check it against the other screen and try again.</source>
        <translation>کد اشتباه تایپ شده یا ناقص است. آن را با صفحهٔ دیگر مقایسه کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="27"/>
        <source>This code has expired or was already used. Make a new one on your other device.</source>
        <translation>این کد منقضی شده یا قبلاً به کار رفته است. در دستگاه دیگرتان کد تازه‌ای بسازید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="32"/>
        <source>Haven cannot reach your other device. Both need to be on the same network, with Haven open on the Devices page.</source>
        <translation>‏Haven نمی‌تواند به دستگاه دیگرتان برسد. هر دو باید روی یک شبکه باشند و Haven در صفحهٔ «دستگاه‌ها» باز باشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="38"/>
        <source>Linking stopped because the words did not match. Nothing was shared.</source>
        <translation>پیوند متوقف شد، چون واژه‌ها یکسان نبودند. چیزی به اشتراک گذاشته نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="42"/>
        <source>Your other device said the words did not match. Nothing was shared.</source>
        <translation>دستگاه دیگرتان گفت واژه‌ها یکسان نبودند. چیزی به اشتراک گذاشته نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="46"/>
        <source>The other device went away before linking finished. Nothing was shared; try again.</source>
        <translation>دستگاه دیگر پیش از پایان پیوند رفت. چیزی به اشتراک گذاشته نشد؛ دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="51"/>
        <source>This computer already has a vault; nothing was changed.</source>
        <translation>این رایانه از پیش خزانه‌ای دارد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="53"/>
        <source>The short code did not match, so linking stopped and nothing was shared. Make a new code on your other device.</source>
        <translation>کد کوتاه جور نبود، پس پیوند متوقف شد و چیزی به اشتراک گذاشته نشد. روی دستگاه دیگرتان کد تازه‌ای بسازید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="59"/>
        <source>Nobody is waiting with that short code on that relay. Check the number, the words and the relay, or make a new code on your other device.</source>
        <translation>کسی با آن کد کوتاه روی آن رله منتظر نیست. عدد، واژه‌ها و رله را بررسی کنید، یا روی دستگاه دیگرتان کد تازه‌ای بسازید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="65"/>
        <source>A short code needs the relay shown next to it, like relay.example.org. Type it in the Relay field.</source>
        <translation>کد کوتاه به رله‌ای نیاز دارد که کنارش نشان داده شده، مثل relay.example.org. آن را در خانهٔ رله بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="71"/>
        <source>Haven cannot reach that relay. Check its name and your connection, or use the long code instead.</source>
        <translation>‏Haven به آن رله دسترسی ندارد. نامش و اتصالتان را بررسی کنید، یا به‌جایش از کد بلند استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="77"/>
        <source>Linking was cancelled. Nothing was shared.</source>
        <translation>پیوند لغو شد. چیزی به اشتراک گذاشته نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="78"/>
        <source>Linking did not work; nothing was changed. Try again.</source>
        <translation>پیوند انجام نشد؛ چیزی تغییر نکرد. دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>LookSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="18"/>
        <source>Privacy and appearance</source>
        <extracomment>Something changed: the window re-applies theme, font, title and auto-lock.</extracomment>
        <translation>حریم خصوصی و ظاهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="22"/>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="23"/>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="24"/>
        <source>Lock after minutes without use</source>
        <translation>قفل پس از چند دقیقه بی‌استفادگی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="25"/>
        <source>0 means never</source>
        <translation>۰ یعنی هرگز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="27"/>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="29"/>
        <source>Same as the system</source>
        <translation>مانند سیستم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="30"/>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="31"/>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="32"/>
        <source>High contrast</source>
        <translation>کنتراست بالا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="36"/>
        <source>Text size</source>
        <translation>اندازهٔ متن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="39"/>
        <source>%1 %</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="40"/>
        <source>Dis&amp;creet mode: a neutral window title</source>
        <translation>حالت محتاطانه: عنوان پنجرهٔ خنثی (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="41"/>
        <source>Discreet mode</source>
        <translation>حالت محتاطانه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="43"/>
        <source>The window is called Notes instead of Haven</source>
        <translation>نام پنجره به جای Haven «یادداشت‌ها» می‌شود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="45"/>
        <source>&amp;Auto-lock after</source>
        <translation>قفل خودکار پس از (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="46"/>
        <source>&amp;Theme</source>
        <translation>پوسته (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="47"/>
        <source>Te&amp;xt size</source>
        <translation>اندازهٔ متن (&amp;X)</translation>
    </message>
</context>
<context>
    <name>MeTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="53"/>
        <source>The space's guidelines</source>
        <extracomment>name, pronouns, colour</extracomment>
        <translation>رهنمودهای فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="57"/>
        <source>Your name in this space</source>
        <translation>نام شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="60"/>
        <source>Your pronouns in this space</source>
        <translation>ضمیرهای شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="62"/>
        <source>Your colour in this space</source>
        <translation>رنگ شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="65"/>
        <source>Colour %1</source>
        <translation>رنگ %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="67"/>
        <source>Sav&amp;e name</source>
        <translation>ذخیرهٔ نام (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="68"/>
        <source>Save your name in this space</source>
        <translation>نام‌تان را در این فضا ذخیره کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="71"/>
        <source>Mute words, one per line</source>
        <translation>واژه‌های بی‌صداشده، هر کدام در یک سطر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="72"/>
        <source>One word or phrase per line</source>
        <translation>هر واژه یا عبارت در یک سطر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="74"/>
        <source>Save mu&amp;te words</source>
        <translation>ذخیرهٔ واژه‌های بی‌صداشده (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="75"/>
        <source>Save the mute words</source>
        <translation>واژه‌های بی‌صداشده را ذخیره کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="78"/>
        <source>Leave this spa&amp;ce…</source>
        <translation>ترک این فضا (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="79"/>
        <source>Leave this space</source>
        <translation>ترک این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="80"/>
        <source>Hand o&amp;ver ownership…</source>
        <translation>واگذاری مالکیت (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="82"/>
        <source>Hand over ownership of this space to another member</source>
        <translation>مالکیت این فضا را به عضو دیگری واگذار کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="87"/>
        <source>You in this space</source>
        <translation>شما در این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="89"/>
        <source>Na&amp;me</source>
        <translation>نام (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="90"/>
        <source>&amp;Pronouns</source>
        <translation>ضمیرها (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="91"/>
        <source>C&amp;olour</source>
        <translation>رنگ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="95"/>
        <source>Other spaces know you by another name and key, so nobody can link your memberships.</source>
        <translation>فضاهای دیگر شما را با نام و کلید دیگری می‌شناسند، پس هیچ‌کس نمی‌تواند عضویت‌هایتان را به هم ربط دهد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="101"/>
        <source>Mute words</source>
        <translation>واژه‌های بی‌صداشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="103"/>
        <source>Posts containing these are hidden for you only.</source>
        <translation>پست‌هایی که این‌ها را دارند فقط برای شما پنهان می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="111"/>
        <source>Your membership</source>
        <translation>عضویت شما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="147"/>
        <source>No description.</source>
        <translation>بدون توضیح.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="150"/>
        <source>No guidelines yet.</source>
        <translation>هنوز رهنمودی نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="169"/>
        <source>You are not a member of this space any more. What you read before stays on this computer, locked in your vault.</source>
        <translation>شما دیگر عضو این فضا نیستید. آنچه پیش‌تر خوانده‌اید روی همین رایانه، قفل‌شده در خزانه‌تان، می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="174"/>
        <source>You own this space. If you leave, the highest-ranked member who joined first becomes its owner; to choose who, hand it over first.</source>
        <translation>شما مالک این فضا هستید. اگر آن را ترک کنید، بالاترین عضو از نظر نقش که زودتر پیوسته مالک می‌شود؛ برای انتخاب جانشین، اول مالکیت را واگذار کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="178"/>
        <source>Leaving stops new posts reaching you; the others see that you left.</source>
        <translation>با ترک فضا، پست‌های تازه دیگر به شما نمی‌رسد؛ دیگران می‌بینند که رفته‌اید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="192"/>
        <source>Choose a name for this space.</source>
        <translation>برای این فضا نامی انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>MediaSettingsBox</name>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="23"/>
        <source>Pictures and disappearing posts</source>
        <extracomment>attachment limit (bytes), disappearing timer (seconds, 0: off)</extracomment>
        <translation>تصویرها و پست‌های ناپدیدشونده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="25"/>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="35"/>
        <source>Largest attachment</source>
        <translation>بزرگ‌ترین پیوست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="29"/>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="36"/>
        <source>Posts disappear after</source>
        <translation>پست‌ها ناپدید می‌شوند پس از</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="31"/>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="32"/>
        <source>Save space settings</source>
        <translation>ذخیرهٔ تنظیمات فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="33"/>
        <source>Save the space's attachment and timer settings</source>
        <translation>ذخیرهٔ تنظیمات پیوست و زمان‌سنج فضا</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="50"/>
        <source>Name</source>
        <extracomment>member key, role value</extracomment>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="51"/>
        <source>Pronouns</source>
        <translation>ضمیرها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="52"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="53"/>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="54"/>
        <source>Check</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="66"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="69"/>
        <source>New role for the selected member</source>
        <translation>نقش تازه برای عضو انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="72"/>
        <source>Set &amp;role</source>
        <translation>تعیین نقش (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="73"/>
        <source>Give the selected member this role</source>
        <translation>این نقش را به عضو انتخاب‌شده بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="74"/>
        <source>Remo&amp;ve from space…</source>
        <translation>بیرون کردن از فضا (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="75"/>
        <source>Remove the selected member</source>
        <translation>عضو انتخاب‌شده را بیرون کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="76"/>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="189"/>
        <source>Bloc&amp;k</source>
        <translation>مسدود کن (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="77"/>
        <source>Block or unblock the selected member</source>
        <translation>عضو انتخاب‌شده را مسدود یا آزاد کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="78"/>
        <source>Hides their posts for you only</source>
        <translation>پست‌هایشان را فقط برای شما پنهان می‌کند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="79"/>
        <source>&amp;Message privately</source>
        <translation>پیام خصوصی (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="81"/>
        <source>Start a private conversation with the selected member</source>
        <translation>با عضو انتخاب‌شده گفت‌وگوی خصوصی شروع کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="83"/>
        <source>The space's admins see nothing of it</source>
        <translation>مدیران فضا چیزی از آن نمی‌بینند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="85"/>
        <source>R&amp;ole</source>
        <translation>نقش (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="127"/>
        <source>%1 (you)</source>
        <translation>%1 (شما)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="129"/>
        <source>%1 (blocked)</source>
        <translation>%1 (مسدود)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="139"/>
        <source>Key fingerprint: %1</source>
        <translation>اثر انگشت کلید: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="146"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln عضو</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="189"/>
        <source>Unbloc&amp;k</source>
        <translation>آزاد کن (&amp;K)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="30"/>
        <source>Choose a passphrase.</source>
        <translation>یک گذرواژه انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="32"/>
        <source>This passphrase is too short: use at least 10 characters.</source>
        <translation>این گذرواژه خیلی کوتاه است: دست‌کم ۱۰ نویسه به کار ببرید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="34"/>
        <location filename="../../src/haven/ui/messages.py" line="83"/>
        <source>This passphrase is too easy to guess: add a few uncommon words.</source>
        <translation>حدس زدن این گذرواژه خیلی آسان است: چند واژهٔ کم‌کاربرد اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="37"/>
        <source>The two passphrases do not match.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="42"/>
        <source>Very weak</source>
        <translation>خیلی ضعیف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="43"/>
        <source>Weak</source>
        <translation>ضعیف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="44"/>
        <source>Fair</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="45"/>
        <source>Strong</source>
        <translation>قوی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="46"/>
        <source>Very strong</source>
        <translation>خیلی قوی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="48"/>
        <source>Strength: %1</source>
        <translation>قدرت: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="54"/>
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>این گذرواژه درست نیست. آن را بررسی کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="56"/>
        <source>Haven is already open in another window. Close it there first.</source>
        <translation>‏Haven از پیش در پنجرهٔ دیگری باز است. اول آنجا ببندیدش.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="60"/>
        <source>The vault files are damaged (a disk error, or a file was changed), so Haven cannot open them. Nothing was changed. Restore your most recent backup into a new folder: haven restore FILE.</source>
        <translation>پرونده‌های خزانه آسیب دیده‌اند (خطای دیسک، یا پرونده‌ای تغییر کرده)، پس Haven نمی‌تواند بازشان کند. چیزی تغییر نکرد. تازه‌ترین پشتیبان‌تان را در پوشه‌ای تازه بازیابی کنید: haven restore FILE.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="67"/>
        <source>There is no vault in this folder yet.</source>
        <translation>هنوز در این پوشه خزانه‌ای نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="69"/>
        <source>A vault already exists in this folder; nothing was changed.</source>
        <translation>در این پوشه از پیش خزانه‌ای هست؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="73"/>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>دیسک پر است؛ چیزی ذخیره نشد. کمی جا باز کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="77"/>
        <source>The vault is locked.</source>
        <translation>خزانه قفل است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="79"/>
        <source>Choose a different passphrase from the ones this vault already uses.</source>
        <translation>گذرواژه‌ای غیر از گذرواژه‌هایی که این خزانه به کار می‌برد انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="87"/>
        <source>That entry no longer exists.</source>
        <translation>آن یادداشت دیگر وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="89"/>
        <source>Some of what you typed cannot be saved. Check the title, text and tags.</source>
        <translation>بخشی از آنچه نوشته‌اید ذخیره‌شدنی نیست. عنوان، متن و برچسب‌ها را بررسی کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="92"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation>مشکلی پیش آمد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="98"/>
        <source>Very low</source>
        <translation>خیلی بد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="99"/>
        <source>Low</source>
        <translation>بد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="100"/>
        <source>Okay</source>
        <translation>معمولی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="101"/>
        <source>Good</source>
        <translation>خوب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="102"/>
        <source>Great</source>
        <translation>عالی</translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="37"/>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="39"/>
        <source>Reports</source>
        <extracomment>post id of the selected report</extracomment>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="41"/>
        <source>&amp;Open the post</source>
        <translation>باز کردن پست (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="42"/>
        <source>Open the reported post in the feed</source>
        <translation>پست گزارش‌شده را در فید باز کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="43"/>
        <source>Re&amp;move the post…</source>
        <translation>برداشتن پست (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="44"/>
        <source>Remove the reported post</source>
        <translation>پست گزارش‌شده را بردار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="49"/>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="50"/>
        <source>Moderation log</source>
        <translation>گزارش نظارت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="76"/>
        <source>a post not loaded here</source>
        <translation>پستی که اینجا بارگذاری نشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="78"/>
        <source>(already removed or deleted)</source>
        <translation>(پیش‌تر برداشته یا حذف شده)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="83"/>
        <source>%1 reported %2: %3</source>
        <translation>%1 پست %2 را گزارش کرد: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="93"/>
        <source>Reports (%Ln)</source>
        <translation>
            <numerusform>گزارش‌ها (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="18"/>
        <source>Local network</source>
        <extracomment>The person turned LAN sync on or off (stored in the vault by the window).</extracomment>
        <translation>شبکهٔ محلی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="19"/>
        <source>Sync with my devices on the local networ&amp;k</source>
        <translation>همگام‌سازی با دستگاه‌هایم روی شبکهٔ محلی (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="20"/>
        <source>Sync on the local network</source>
        <translation>همگام‌سازی روی شبکهٔ محلی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="23"/>
        <source>Haven finds your linked devices on this network; the announcements carry no names. Kept in your vault, so it applies only while it is unlocked.</source>
        <translation>‏Haven دستگاه‌های پیوندخورده‌تان را روی این شبکه پیدا می‌کند؛ اعلان‌ها هیچ نامی ندارند. در خزانه‌تان نگه داشته می‌شود، پس فقط وقتی قفل باز است اعمال می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="29"/>
        <source>Off until you link a device or join a space: nothing listens on the network.</source>
        <translation>تا وقتی دستگاهی را پیوند ندهید یا به فضایی نپیوندید خاموش است: هیچ چیز روی شبکه گوش نمی‌دهد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="32"/>
        <source>Local network sync is off</source>
        <translation>همگام‌سازی شبکهٔ محلی خاموش است</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="104"/>
        <source>Start a campaign</source>
        <translation>شروع کارزار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="106"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="108"/>
        <source>Kind of action</source>
        <translation>نوع کار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="111"/>
        <source>A petition to sign</source>
        <translation>دادخواستی برای امضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="111"/>
        <source>A letter to send</source>
        <translation>نامه‌ای برای فرستادن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="112"/>
        <source>A day to show up</source>
        <translation>روزی برای حضور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="112"/>
        <source>Something else</source>
        <translation>چیزی دیگر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="116"/>
        <source>What to do</source>
        <translation>چه باید کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="117"/>
        <source>Where (a link or instructions)</source>
        <translation>کجا (پیوند یا راهنما)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="118"/>
        <source>Date (optional)</source>
        <translation>تاریخ (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="122"/>
        <source>&amp;Title</source>
        <translation>عنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="123"/>
        <source>&amp;Kind</source>
        <translation>نوع (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="124"/>
        <source>&amp;What to do</source>
        <translation>چه باید کرد (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="125"/>
        <source>W&amp;here</source>
        <translation>کجا (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="126"/>
        <source>&amp;Date</source>
        <translation>تاریخ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="127"/>
        <source>&amp;Start</source>
        <translation>شروع (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="127"/>
        <source>Start the campaign</source>
        <translation>کارزار را شروع کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="146"/>
        <source>Check what you typed: a title, what to do, and a date like 2027-03-31 or none.</source>
        <translation>آنچه نوشتید را بررسی کنید: عنوان، کاری که باید کرد، و تاریخی مانند 2027-03-31 یا هیچ.</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="68"/>
        <source>New event</source>
        <translation>رویداد تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="71"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="73"/>
        <source>Kind of event</source>
        <translation>نوع رویداد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>In person</source>
        <translation>حضوری</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>Online</source>
        <translation>آنلاین</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>In person and online</source>
        <translation>حضوری و آنلاین</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="79"/>
        <source>Starts</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="80"/>
        <source>Ends</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="82"/>
        <source>Time zone, such as Europe/London</source>
        <translation>منطقهٔ زمانی، مثل Europe/London</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="84"/>
        <source>Description</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="86"/>
        <source>Place: address, room or call link (optional)</source>
        <translation>مکان: نشانی، اتاق یا پیوند تماس (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="87"/>
        <source>Place revealed from</source>
        <translation>آشکار شدن مکان از</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="90"/>
        <source>No limit</source>
        <translation>بی‌محدودیت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="91"/>
        <source>Places (0: no limit)</source>
        <translation>جاها (۰: بی‌محدودیت)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="92"/>
        <source>Organisers a&amp;pprove each guest</source>
        <translation>برگزارکنندگان هر مهمان را تأیید می‌کنند (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="93"/>
        <source>Organisers approve each guest</source>
        <translation>برگزارکنندگان هر مهمان را تأیید می‌کنند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="99"/>
        <source>&amp;Title</source>
        <translation>عنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="100"/>
        <source>&amp;Kind</source>
        <translation>نوع (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="101"/>
        <source>&amp;Starts</source>
        <translation>شروع (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="102"/>
        <source>E&amp;nds</source>
        <translation>پایان (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="103"/>
        <source>Time &amp;zone</source>
        <translation>منطقهٔ زمانی (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="104"/>
        <source>&amp;Description</source>
        <translation>توضیح (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="105"/>
        <source>P&amp;lace</source>
        <translation>مکان (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="106"/>
        <source>&amp;Revealed from</source>
        <translation>آشکار از (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="107"/>
        <source>Pla&amp;ces</source>
        <translation>جاها (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="112"/>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="113"/>
        <source>Create event</source>
        <translation>ساختن رویداد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="115"/>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="116"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="170"/>
        <source>Unknown time zone. Write a name such as Europe/London.</source>
        <translation>منطقهٔ زمانی ناشناخته است. نامی مانند Europe/London بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="173"/>
        <source>That time does not exist in this time zone: the clocks go forward then. Choose another time.</source>
        <translation>این زمان در این منطقهٔ زمانی وجود ندارد: ساعت‌ها در آن هنگام جلو کشیده می‌شوند. زمان دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="177"/>
        <source>The event must end after it starts.</source>
        <translation>رویداد باید پس از شروع به پایان برسد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="179"/>
        <source>An event lasts at most 31 days. For longer, make it repeat.</source>
        <translation>یک رویداد حداکثر ۳۱ روز طول می‌کشد. برای مدت بیشتر، آن را تکرارشونده کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="182"/>
        <source>Times must fall between the years %1 and %2.</source>
        <translation>زمان‌ها باید بین سال‌های %1 و %2 باشند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="187"/>
        <source>Give the event a title.</source>
        <translation>برای رویداد عنوانی بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="189"/>
        <source>The title is too long: at most %1 characters.</source>
        <translation>عنوان بیش از حد طولانی است: حداکثر %1 نویسه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="192"/>
        <source>The description is too long: at most %1 characters.</source>
        <translation>توضیحات بیش از حد طولانی است: حداکثر %1 نویسه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="195"/>
        <source>The place is too long: at most %1 characters.</source>
        <translation>مکان بیش از حد طولانی است: حداکثر %1 نویسه.</translation>
    </message>
</context>
<context>
    <name>NewFundraiserDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="50"/>
        <source>Start a fundraiser</source>
        <translation>شروع جمع‌آوری کمک</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="52"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="53"/>
        <source>Goal</source>
        <translation>هدف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="53"/>
        <source>e.g. 500 or 499.50</source>
        <translation>مثلاً 500 یا 499.50</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="54"/>
        <source>Currency code</source>
        <translation>کد ارز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="55"/>
        <source>Deadline (optional)</source>
        <translation>مهلت (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="56"/>
        <source>What it is for</source>
        <translation>برای چیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="57"/>
        <source>Where and how to give</source>
        <translation>کجا و چگونه کمک کنیم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="59"/>
        <source>A link or instructions, in your words. Haven moves no money.</source>
        <translation>پیوند یا راهنما، به زبان خودتان. Haven هیچ پولی جابه‌جا نمی‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="64"/>
        <source>&amp;Title</source>
        <translation>عنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="65"/>
        <source>&amp;Goal</source>
        <translation>هدف (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="66"/>
        <source>C&amp;urrency</source>
        <translation>ارز (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="67"/>
        <source>&amp;Deadline</source>
        <translation>مهلت (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="68"/>
        <source>&amp;What it is for</source>
        <translation>برای چیست (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="69"/>
        <source>Where to gi&amp;ve</source>
        <translation>کجا کمک کنیم (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="70"/>
        <source>&amp;Start</source>
        <translation>شروع (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="70"/>
        <source>Start the fundraiser</source>
        <translation>جمع‌آوری کمک را شروع کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="92"/>
        <source>Check what you typed: a title, a goal like 500 or 499.50, a currency code like EUR, a deadline like 2027-03-31 (or none), what it is for and where to give.</source>
        <translation>آنچه نوشتید را بررسی کنید: عنوان، هدفی مانند 500 یا 499.50، کد ارزی مانند EUR، مهلتی مانند 2027-03-31 (یا هیچ)، برای چیست و کجا کمک کنیم.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="59"/>
        <source>Passphrase</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="61"/>
        <source>At least 10 characters; a few uncommon words work well</source>
        <translation>دست‌کم ۱۰ نویسه؛ چند واژهٔ کم‌کاربرد خوب جواب می‌دهد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="65"/>
        <source>Passphrase again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="74"/>
        <source>Pass&amp;phrase</source>
        <translation>گذرواژه (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="75"/>
        <source>Passphrase &amp;again</source>
        <translation>تکرار گذرواژه (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="85"/>
        <source>Choose a passphrase of at least 10 characters.</source>
        <translation>گذرواژه‌ای با دست‌کم ۱۰ نویسه انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="69"/>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="70"/>
        <source>Cancel</source>
        <extracomment>the vault's passphrase, the new one ("" when none is asked), the subclass's choice</extracomment>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>PictureDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="226"/>
        <source>No description was given.</source>
        <translation>توصیفی داده نشده است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="229"/>
        <source>&amp;Save a copy…</source>
        <translation>ذخیرهٔ یک نسخه (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="230"/>
        <source>Save a copy of this picture</source>
        <translation>ذخیرهٔ یک نسخه از این تصویر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="234"/>
        <source>Close the picture</source>
        <translation>بستن تصویر</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="24"/>
        <source>Your name and this device</source>
        <extracomment>The main persona's name or pronouns changed (the window updates its header).</extracomment>
        <translation>نام شما و این دستگاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="27"/>
        <source>Your name</source>
        <translation>نام شما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="29"/>
        <source>Any name you like; it need not be your real one.</source>
        <translation>هر نامی که دوست دارید؛ لازم نیست نام واقعی‌تان باشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="32"/>
        <source>Your pronouns</source>
        <translation>ضمیرهای شما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="33"/>
        <source>optional, e.g. she/her, they/them</source>
        <translation>اختیاری، مثلاً: او</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="34"/>
        <source>&amp;Save name</source>
        <translation>ذخیرهٔ نام (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="35"/>
        <source>Save your name and pronouns</source>
        <translation>نام و ضمیرهایتان را ذخیره کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="37"/>
        <source>This device's name</source>
        <translation>نام این دستگاه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="39"/>
        <source>e.g. Laptop</source>
        <translation>مثلاً: لپ‌تاپ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="40"/>
        <source>Save dev&amp;ice name</source>
        <translation>ذخیرهٔ نام دستگاه (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="41"/>
        <source>Save this device's name</source>
        <translation>نام این دستگاه را ذخیره کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="44"/>
        <source>Your na&amp;me</source>
        <translation>نام شما (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="45"/>
        <source>Pro&amp;nouns</source>
        <translation>ضمیرها (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="47"/>
        <source>This de&amp;vice</source>
        <translation>این دستگاه (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="91"/>
        <source>This changed on another device meanwhile; what you typed is kept until you save it.</source>
        <translation>این در همین فاصله روی دستگاه دیگری تغییر کرد؛ آنچه نوشته‌اید تا وقتی ذخیره‌اش کنید می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="124"/>
        <source>Type a name first; it need not be your real one.</source>
        <translation>اول نامی بنویسید؛ لازم نیست نام واقعی‌تان باشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="134"/>
        <source>Saved. Your linked devices learn it when they sync; spaces keep the name you gave each of them.</source>
        <translation>ذخیره شد. دستگاه‌های پیوندخورده‌تان هنگام همگام‌سازی آن را یاد می‌گیرند؛ هر فضا نامی را که به آن داده‌اید نگه می‌دارد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="150"/>
        <source>Saved. Your linked devices learn the new name.</source>
        <translation>ذخیره شد. دستگاه‌های پیوندخورده‌تان نام تازه را یاد می‌گیرند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="156"/>
        <source>That name is too long or has characters Haven does not allow.</source>
        <translation>این نام خیلی بلند است یا نویسه‌هایی دارد که Haven نمی‌پذیرد.</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="38"/>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="62"/>
        <source>Prompt of the day</source>
        <translation>پرسش امروز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="44"/>
        <source>Write a&amp;bout this</source>
        <translation>دربارهٔ این بنویس (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="45"/>
        <source>Write about this prompt</source>
        <translation>دربارهٔ این پرسش بنویس</translation>
    </message>
</context>
<context>
    <name>ReactionsBar</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/reactions.py" line="44"/>
        <source>%1: %Ln reactions</source>
        <extracomment>kind, on</extracomment>
        <translation>
            <numerusform>%1: %Ln واکنش</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reactions.py" line="46"/>
        <source>including yours</source>
        <translation>از جمله واکنش شما</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="136"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="138"/>
        <source>Also &amp;ban: they cannot be added again</source>
        <translation>محروم هم بشود: دیگر نمی‌توان او را افزود (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="139"/>
        <source>Ban the member</source>
        <translation>محروم کردن عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="153"/>
        <source>Give a reason.</source>
        <translation>دلیلی بنویسید.</translation>
    </message>
</context>
<context>
    <name>RelayProxySection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="22"/>
        <source>Reaching relays</source>
        <translation>دسترسی به رله‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="25"/>
        <source>How to reach relays</source>
        <translation>راه رسیدن به رله‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="26"/>
        <source>Directly</source>
        <translation>مستقیم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="27"/>
        <source>Through Tor (the Tor service, port 9050)</source>
        <translation>از طریق Tor (سرویس Tor، درگاه 9050)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="28"/>
        <source>Through Tor Browser (port 9150)</source>
        <translation>از طریق Tor Browser (درگاه 9150)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="29"/>
        <source>Through another SOCKS5 proxy</source>
        <translation>از طریق یک پراکسی SOCKS5 دیگر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="31"/>
        <source>Address of the SOCKS5 proxy</source>
        <translation>نشانی پراکسی SOCKS5</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="33"/>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="34"/>
        <source>Reach relays this way</source>
        <translation>از این راه به رله‌ها وصل شو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="35"/>
        <source>Reach relays</source>
        <translation>رسیدن به رله‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="36"/>
        <source>Proxy</source>
        <translation>پراکسی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="40"/>
        <source>Through Tor, relays and the network see a Tor address instead of yours, and the relay's name is looked up by Tor. If Tor is not running, nothing is sent to relays (never directly). Sync with your devices on the local network and direct sync do not use Tor. A relay whose address ends in .onion works only through Tor.</source>
        <translation>از طریق Tor، رله‌ها و شبکه به جای نشانی شما یک نشانی Tor می‌بینند، و نام رله را Tor جست‌وجو می‌کند. اگر Tor در حال اجرا نباشد، چیزی به رله‌ها فرستاده نمی‌شود (هرگز به‌طور مستقیم). همگام‌سازی با دستگاه‌هایتان روی شبکهٔ محلی و همگام‌سازی مستقیم از Tor استفاده نمی‌کنند. رله‌ای که نشانی‌اش به ‎.onion ختم می‌شود فقط از طریق Tor کار می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="111"/>
        <source>Relays are now reached directly.</source>
        <extracomment>The vault's setting has been read since it opened (tests wait for it).</extracomment>
        <translation>از این پس مستقیم به رله‌ها وصل می‌شوید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="113"/>
        <source>Relays are now reached through %1.</source>
        <translation>از این پس از طریق %1 به رله‌ها وصل می‌شوید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="122"/>
        <source>Haven cannot use that proxy: it looks like socks5://127.0.0.1:9050 (an IP address or localhost, and a port).</source>
        <translation>‏Haven نمی‌تواند از این پراکسی استفاده کند: نشانی پراکسی شبیه socks5://127.0.0.1:9050 است (یک نشانی IP یا localhost، و یک درگاه).</translation>
    </message>
</context>
<context>
    <name>RelaysSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="28"/>
        <source>Relays</source>
        <translation>رله‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="33"/>
        <source>Relays of</source>
        <translation>رله‌های</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="35"/>
        <source>Relays in use</source>
        <translation>رله‌های در حال استفاده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="38"/>
        <source>Address of a relay to add</source>
        <translation>نشانی رله‌ای برای افزودن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="40"/>
        <source>Add rela&amp;y</source>
        <translation>افزودن رله (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="41"/>
        <source>Add this relay</source>
        <translation>این رله را اضافه کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="42"/>
        <source>Rem&amp;ove relay</source>
        <translation>برداشتن رله (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="43"/>
        <source>Remove the selected relay</source>
        <translation>رلهٔ انتخاب‌شده را بردار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="49"/>
        <source>Relays o&amp;f</source>
        <translation>رله‌های (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="50"/>
        <source>In &amp;use</source>
        <translation>در حال استفاده (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="52"/>
        <source>Ne&amp;w relay</source>
        <translation>رلهٔ تازه (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="53"/>
        <source>Only the space's admins can change its relays.</source>
        <translation>فقط مدیران فضا می‌توانند رله‌هایش را تغییر دهند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="102"/>
        <source>Your journal and linked devices</source>
        <translation>دفترچه و دستگاه‌های پیوندخورده‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="145"/>
        <source>No relay: syncs only directly.</source>
        <translation>بدون رله: فقط مستقیم همگام می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="157"/>
        <source>Relay added.</source>
        <translation>رله اضافه شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="172"/>
        <source>Relay removed.</source>
        <translation>رله برداشته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="181"/>
        <source>Haven cannot use that address: a relay looks like wss://relay.example.org/ (at most 8 per space; only admins change a space's relays).</source>
        <translation>‏Haven نمی‌تواند از این نشانی استفاده کند: نشانی رله شبیه wss://relay.example.org/ است (حداکثر ۸ رله برای هر فضا؛ فقط مدیران رله‌های فضا را تغییر می‌دهند).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="186"/>
        <source>That relay or space is no longer there; the list is up to date.</source>
        <translation>آن رله یا فضا دیگر نیست؛ فهرست به‌روز است.</translation>
    </message>
</context>
<context>
    <name>RequestsBox</name>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="33"/>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="38"/>
        <source>Join requests</source>
        <translation>درخواست‌های پیوستن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="40"/>
        <source>A&amp;pprove</source>
        <translation>تأیید (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="41"/>
        <source>Approve the selected request</source>
        <translation>درخواست انتخاب‌شده را تأیید کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="42"/>
        <source>Den&amp;y</source>
        <translation>رد (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="43"/>
        <source>Deny the selected request</source>
        <translation>درخواست انتخاب‌شده را رد کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="65"/>
        <source>%1 asks to join · %2</source>
        <translation>%1 درخواست پیوستن دارد · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="76"/>
        <source>Join requests (%Ln)</source>
        <translation>
            <numerusform>درخواست‌های پیوستن (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="57"/>
        <source>Restore a backup</source>
        <extracomment>The vault was restored into this folder.</extracomment>
        <translation>بازیابی پشتیبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="62"/>
        <source>A backup is restored into a new or empty folder, so nothing you have now is replaced. It opens with the passphrase it had when it was made.</source>
        <translation>پشتیبان در پوشه‌ای تازه یا خالی بازیابی می‌شود، پس چیزی از آنچه اکنون دارید جایگزین نمی‌شود. با گذرواژه‌ای باز می‌شود که هنگام ساختنش داشت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="68"/>
        <source>Backup file</source>
        <translation>پروندهٔ پشتیبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="69"/>
        <source>C&amp;hoose…</source>
        <translation>انتخاب (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="70"/>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="125"/>
        <source>Choose the backup file</source>
        <translation>پروندهٔ پشتیبان را انتخاب کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="72"/>
        <source>New folder for the restored vault</source>
        <translation>پوشهٔ تازه برای خزانهٔ بازیابی‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="73"/>
        <source>Ch&amp;oose…</source>
        <translation>انتخاب (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="74"/>
        <source>Choose the folder</source>
        <translation>پوشه را انتخاب کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="77"/>
        <source>Passphrase of the backup</source>
        <translation>گذرواژهٔ پشتیبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="80"/>
        <source>Restoring the backup</source>
        <translation>در حال بازیابی پشتیبان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="85"/>
        <source>&amp;Restore</source>
        <translation>بازیابی (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="86"/>
        <source>Restore the backup</source>
        <translation>پشتیبان را بازیابی کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="88"/>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="89"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="92"/>
        <source>&amp;Backup file</source>
        <translation>پروندهٔ پشتیبان (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="93"/>
        <source>&amp;Into the folder</source>
        <translation>در پوشهٔ (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="94"/>
        <source>&amp;Passphrase</source>
        <translation>گذرواژه (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="131"/>
        <source>Choose an empty folder</source>
        <translation>یک پوشهٔ خالی انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="141"/>
        <source>Choose the backup file first.</source>
        <translation>اول پروندهٔ پشتیبان را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="144"/>
        <source>Choose a new or empty folder for the restored vault.</source>
        <translation>برای خزانهٔ بازیابی‌شده پوشه‌ای تازه یا خالی انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="147"/>
        <source>Type the backup's passphrase.</source>
        <translation>گذرواژهٔ پشتیبان را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="171"/>
        <source>That folder already holds a vault: choose a new or empty folder.</source>
        <translation>در آن پوشه از پیش خزانه‌ای هست: پوشه‌ای تازه یا خالی انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="174"/>
        <source>This file is not a Haven backup, or it is damaged. Nothing was restored.</source>
        <translation>این پرونده پشتیبان Haven نیست، یا آسیب دیده است. چیزی بازیابی نشد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="178"/>
        <source>Nothing was restored: check that the backup file exists and that the folder is new or empty.</source>
        <translation>چیزی بازیابی نشد: بررسی کنید پروندهٔ پشتیبان وجود دارد و پوشه تازه یا خالی است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="213"/>
        <source>Backup restored</source>
        <translation>پشتیبان بازیابی شد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="215"/>
        <source>Your backup was restored into %1.</source>
        <translation>پشتیبان‌تان در %1 بازیابی شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="220"/>
        <source>Open it now? The vault open now is locked first, and Haven opens the restored one from then on. Both stay on this computer.</source>
        <translation>همین حالا بازش کنیم؟ اول خزانه‌ای که اکنون باز است قفل می‌شود و Haven از آن پس خزانهٔ بازیابی‌شده را باز می‌کند. هر دو روی همین رایانه می‌مانند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="227"/>
        <source>&amp;Open it now</source>
        <translation>همین حالا باز کن (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="231"/>
        <source>&amp;Later</source>
        <translation>بعداً (&amp;L)</translation>
    </message>
</context>
<context>
    <name>RevealBox</name>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="21"/>
        <source>&amp;Show passphrase</source>
        <translation>نمایش گذرواژه (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="22"/>
        <source>Show the passphrase</source>
        <translation>گذرواژه را نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="24"/>
        <source>Shows what you typed; make sure nobody can see your screen</source>
        <translation>آنچه نوشته‌اید را نشان می‌دهد؛ مطمئن شوید کسی صفحه‌تان را نمی‌بیند</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="45"/>
        <source>Settings</source>
        <extracomment>Something changed: the window re-applies theme, font, title and auto-lock. The person turned LAN sync on or off (stored in the vault by the window). "Change passphrase…" was pressed (only while the vault is open). "Restore a backup…" was pressed. "Restart now" after choosing a language.</extracomment>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="63"/>
        <source>Quick exit: press Shift three times, or %1, to hide Haven and lock it at once. Ctrl+L locks without hiding.</source>
        <translation>خروج سریع: سه بار Shift یا %1 را بزنید تا Haven فوراً پنهان و قفل شود. ‏Ctrl+L بدون پنهان کردن قفل می‌کند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="72"/>
        <source>Haven %1. Free software under the GNU General Public License, version 3 or later. Haven never checks for updates and sends no telemetry.</source>
        <translation>‏Haven %1. نرم‌افزار آزاد تحت پروانهٔ عمومی همگانی گنو (GPL)، نسخهٔ ۳ یا بالاتر. ‏Haven هرگز به‌روزرسانی را بررسی نمی‌کند و هیچ داده‌ای دربارهٔ استفاده نمی‌فرستد.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="54"/>
        <source>Share to a space</source>
        <extracomment>the new post's id, once posted</extracomment>
        <translation>هم‌رسانی در یک فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="70"/>
        <source>Space to share to</source>
        <extracomment>a read or the post is under way (its answer not yet shown)</extracomment>
        <translation>فضای مقصد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="73"/>
        <source>Where in the space: the feed or a channel</source>
        <translation>کجای فضا: فید یا یک کانال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="79"/>
        <source>Title of the copy</source>
        <translation>عنوان نسخه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="81"/>
        <source>Text of the copy</source>
        <translation>متن نسخه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="84"/>
        <source>Only this title and text are posted — not the entry's date, mood or tags, and nothing links the post to your journal. Everyone in the space can read and keep it; your entry stays private.</source>
        <translation>فقط همین عنوان و متن فرستاده می‌شود — نه تاریخ، حال یا برچسب‌های نوشته، و هیچ چیز پست را به دفترچهٔ شما پیوند نمی‌دهد. همهٔ اعضای فضا می‌توانند آن را بخوانند و نگه دارند؛ نوشتهٔ شما خصوصی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="92"/>
        <source>In a channel the title becomes the first line of the message.</source>
        <translation>در کانال، عنوان نخستین خط پیام می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="99"/>
        <source>&amp;Post this copy</source>
        <translation>فرستادن این نسخه (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="100"/>
        <source>Post this copy in the space</source>
        <translation>فرستادن این نسخه در فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="104"/>
        <source>Cancel: share nothing</source>
        <translation>لغو: چیزی هم‌رسانی نشود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="108"/>
        <source>&amp;Space</source>
        <translation>فضا (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="109"/>
        <source>C&amp;hannel</source>
        <translation>کانال (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="110"/>
        <source>Posted as</source>
        <translation>فرستاده با نام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="111"/>
        <source>&amp;Title</source>
        <translation>عنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="125"/>
        <source>Reading your spaces…</source>
        <translation>در حال خواندن فضاهایتان…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="176"/>
        <source>You are not a member of any space yet.</source>
        <translation>هنوز عضو هیچ فضایی نیستید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="178"/>
        <source>Reading the space…</source>
        <translation>در حال خواندن فضا…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="183"/>
        <source>%1 (your name in this space)</source>
        <translation>%1 (نام شما در این فضا)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="187"/>
        <source>posts here disappear after %1</source>
        <translation>پست‌ها در اینجا پس از %1 ناپدید می‌شوند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="191"/>
        <source>The feed</source>
        <translation>فید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="213"/>
        <source>Write something to share first.</source>
        <translation>اول چیزی برای هم‌رسانی بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="219"/>
        <source>Posting…</source>
        <translation>در حال فرستادن…</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="43"/>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="53"/>
        <source>Keyboard shortcuts</source>
        <extracomment>The keys that open the sheet.</extracomment>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="47"/>
        <source>Alt and an underlined letter presses that button or moves to that field. Tab and Shift+Tab move between fields; Esc closes a dialog.</source>
        <translation>‏Alt همراه حرفی که زیرش خط دارد آن دکمه را می‌زند یا به آن خانه می‌برد. ‏Tab و Shift+Tab میان خانه‌ها جابه‌جا می‌کنند؛ ‏Esc پنجرهٔ گفت‌وگو را می‌بندد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="54"/>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="54"/>
        <source>What they do</source>
        <translation>چه می‌کنند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="66"/>
        <source>&amp;Close</source>
        <translation>بستن (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="67"/>
        <source>Close the list of shortcuts</source>
        <translation>فهرست میان‌برها را ببند</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="77"/>
        <source>%1 or %2</source>
        <translation>%1 یا %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="80"/>
        <source>Shift three times</source>
        <translation>سه بار Shift</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="83"/>
        <source>Quick exit: hide Haven and lock it at once</source>
        <translation>خروج سریع: Haven را فوراً پنهان و قفل کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="85"/>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="88"/>
        <source>Show this list of shortcuts</source>
        <translation>این فهرست میان‌برها را نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="92"/>
        <source>Go to %1</source>
        <translation>رفتن به %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="94"/>
        <source>Journal: a new entry</source>
        <translation>دفترچه: یادداشت تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="95"/>
        <source>Journal: save the entry</source>
        <translation>دفترچه: ذخیرهٔ یادداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="96"/>
        <source>Journal: search</source>
        <translation>دفترچه: جست‌وجو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="97"/>
        <source>Spaces: send the post or reply</source>
        <translation>فضاها: فرستادن پست یا پاسخ</translation>
    </message>
</context>
<context>
    <name>SpaceActions</name>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="65"/>
        <source>Warnings about this space</source>
        <extracomment>One write: called in a worker with the spaces service and the space's id. The view's way to run a write: (write, text when done, then, on failure).</extracomment>
        <translation>هشدارهای این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="88"/>
        <source>Warning: a device of %1 sent two different versions of the same message. It may be a restored backup or a bug, or someone holding their key may be showing different things to different people. Check with them in person.</source>
        <translation>هشدار: یکی از دستگاه‌های %1 دو نسخهٔ متفاوت از یک پیام فرستاد. شاید پشتیبانی بازیابی‌شده یا یک خطا باشد، یا کسی که کلید او را دارد چیزهای متفاوتی به افراد مختلف نشان می‌دهد. حضوری با او بررسی کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="96"/>
        <source>Warning: %1 sent this computer a space key that does not match the key announced to the group, so it was not used. Someone holding their key may be trying to read the space. Check with them in person.</source>
        <translation>هشدار: %1 کلید فضایی به این رایانه فرستاد که با کلید اعلام‌شده به گروه جور نیست، پس به کار نرفت. شاید کسی که کلید او را دارد می‌کوشد فضا را بخواند. حضوری با او بررسی کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="104"/>
        <source>Some invite codes of this space stopped working because an admin who held them was removed or stepped down. Share new codes with the people you invited.</source>
        <translation>برخی از کدهای دعوت این فضا دیگر کار نمی‌کنند، چون مدیری که آن‌ها را در اختیار داشت حذف شد یا کنار رفت. کدهای تازه را با کسانی که دعوت کرده‌اید به اشتراک بگذارید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="178"/>
        <source>Not changed: you can edit or delete only your own posts, and only while they are still shown (not deleted or removed by a moderator).</source>
        <translation>تغییری نکرد: فقط پست‌های خودتان را می‌توانید ویرایش یا حذف کنید، و فقط تا وقتی هنوز نمایش داده می‌شوند (حذف نشده یا ناظر برنداشته باشدشان).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="195"/>
        <source>Saved your changes.</source>
        <translation>تغییرهایتان ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="203"/>
        <source>Delete your post</source>
        <translation>حذف پست‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="205"/>
        <source>Delete this post for everyone in the space? Its place shows “Deleted by its author”. Others' devices that already synced it delete it when they next sync.</source>
        <translation>این پست برای همه در این فضا حذف شود؟ جایش «حذف‌شده به دست نویسنده» نشان داده می‌شود. دستگاه‌های دیگرانی که آن را همگام کرده‌اند در همگام‌سازی بعدی حذفش می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="208"/>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="209"/>
        <source>Delete the post</source>
        <translation>حذف پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="216"/>
        <source>Post deleted.</source>
        <translation>پست حذف شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="224"/>
        <source>Pinned to the top of the feed.</source>
        <translation>به بالای فید سنجاق شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="224"/>
        <source>Unpinned.</source>
        <translation>سنجاق برداشته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="226"/>
        <source>Not pinned: only moderators, admins and the owner pin threads, and only threads still shown. Nothing was changed.</source>
        <translation>سنجاق نشد: فقط ناظران، مدیران و مالک رشته‌ها را سنجاق می‌کنند، و فقط رشته‌هایی که هنوز نمایش داده می‌شوند. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="244"/>
        <source>Ownership handed over. You are now an admin.</source>
        <translation>مالکیت واگذار شد. اکنون شما مدیر هستید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="246"/>
        <source>Not handed over: only the owner can hand a space over, and only to a member who is still active in it. Nothing was changed.</source>
        <translation>واگذار نشد: فقط مالک می‌تواند فضا را واگذار کند، و فقط به عضوی که هنوز در آن فعال است. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="259"/>
        <source>Leave “%1”? You stop receiving new posts, and the others see that you left. To come back you need a new invite.</source>
        <translation>«%1» را ترک می‌کنید؟ دیگر پست تازه‌ای به شما نمی‌رسد و دیگران می‌بینند که رفته‌اید. برای بازگشت به دعوت تازه‌ای نیاز دارید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="264"/>
        <source>You are its owner: ownership passes to the highest-ranked member who joined first, unless you hand it over first.</source>
        <translation>شما مالک آن هستید: مالکیت به بالاترین عضو از نظر نقش که زودتر پیوسته می‌رسد، مگر آنکه اول آن را واگذار کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="268"/>
        <source>Leave this space</source>
        <translation>ترک این فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="270"/>
        <source>&amp;Leave</source>
        <translation>ترک (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="271"/>
        <source>Leave the space</source>
        <translation>ترک فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="272"/>
        <source>Also &amp;delete everything of this space from this computer</source>
        <translation>همهٔ داده‌های این فضا را هم از این رایانه پاک کن (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="273"/>
        <source>Also delete everything of this space from this computer</source>
        <translation>همهٔ داده‌های این فضا را هم از این رایانه پاک کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="288"/>
        <source>You left “%1” and its data was deleted from this computer.</source>
        <translation>«%1» را ترک کردید و داده‌هایش از این رایانه پاک شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="292"/>
        <source>You left “%1”.</source>
        <translation>«%1» را ترک کردید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="293"/>
        <source>You could not leave: you are not an active member of this space.</source>
        <translation>نتوانستید ترک کنید: عضو فعال این فضا نیستید.</translation>
    </message>
</context>
<context>
    <name>SpaceEvents</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="79"/>
        <source>Event created.</source>
        <translation>رویداد ساخته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="87"/>
        <source>Approved. Only they and the organisers know.</source>
        <translation>تأیید شد. فقط خودشان و برگزارکنندگان می‌دانند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="93"/>
        <source>Answer sent. Only the organisers see it.</source>
        <translation>پاسخ فرستاده شد. فقط برگزارکنندگان آن را می‌بینند.</translation>
    </message>
</context>
<context>
    <name>SpaceHeader</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_header.py" line="22"/>
        <source>Invite someone…</source>
        <translation>دعوت از کسی…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_header.py" line="23"/>
        <source>Invite someone to this space</source>
        <translation>دعوت از کسی به این فضا</translation>
    </message>
</context>
<context>
    <name>SpaceStatus</name>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="36"/>
        <source>Synced just now through a relay</source>
        <extracomment>How often "N min ago" is re-worded. How long what an action did stays on screen.</extracomment>
        <translation>همین حالا از طریق رله همگام شد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="42"/>
        <source>Synced just now on the local network</source>
        <translation>همین حالا روی شبکهٔ محلی همگام شد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="49"/>
        <source>Synced just now with a direct connection</source>
        <translation>همین حالا با اتصال مستقیم همگام شد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="59"/>
        <source>Not synced yet</source>
        <translation>هنوز همگام نشده</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="66"/>
        <source>%Ln waiting for earlier events</source>
        <translation>
            <numerusform>%Ln مورد در انتظار رویدادهای پیشین</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="64"/>
        <source>%Ln waiting to go out</source>
        <translation>
            <numerusform>%Ln مورد در انتظار فرستادن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="47"/>
        <source>Synced %Ln hours ago on the local network</source>
        <translation>
            <numerusform>%Ln ساعت پیش روی شبکهٔ محلی همگام شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="39"/>
        <source>Synced %Ln hours ago through a relay</source>
        <translation>
            <numerusform>%Ln ساعت پیش از طریق رله همگام شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="54"/>
        <source>Synced %Ln hours ago with a direct connection</source>
        <translation>
            <numerusform>%Ln ساعت پیش با اتصال مستقیم همگام شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="44"/>
        <source>Synced %Ln min ago on the local network</source>
        <translation>
            <numerusform>%Ln دقیقه پیش روی شبکهٔ محلی همگام شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="38"/>
        <source>Synced %Ln min ago through a relay</source>
        <translation>
            <numerusform>%Ln دقیقه پیش از طریق رله همگام شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="51"/>
        <source>Synced %Ln min ago with a direct connection</source>
        <translation>
            <numerusform>%Ln دقیقه پیش با اتصال مستقیم همگام شد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceStatusLabel</name>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="83"/>
        <source>Sync status of this space</source>
        <translation>وضعیت همگام‌سازی این فضا</translation>
    </message>
</context>
<context>
    <name>SpaceView</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="84"/>
        <source>Space sections</source>
        <extracomment>Hosts that name no network address: an invite may carry them (same-computer tests). Threads read when a space opens; "Show older posts" doubles it. Join requests arrive without an event in the log, so an admin's open Members tab asks for them this often. Something changed that the space list shows (unread counts, names).</extracomment>
        <translation>بخش‌های فضا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="85"/>
        <source>&amp;Feed</source>
        <translation>فید (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="86"/>
        <source>&amp;Channels</source>
        <translation>کانال‌ها (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="87"/>
        <source>Mem&amp;bers</source>
        <translation>اعضا (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="88"/>
        <source>&amp;Events</source>
        <translation>رویدادها (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="89"/>
        <source>Mo&amp;deration</source>
        <translation>نظارت (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="90"/>
        <source>Fundraisers and ca&amp;mpaigns</source>
        <translation>کمک‌ها و کارزارها (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="91"/>
        <source>&amp;About and you</source>
        <translation>درباره و شما (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="332"/>
        <source>No space chosen</source>
        <translation>هیچ فضایی انتخاب نشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="367"/>
        <source>Posted.</source>
        <translation>فرستاده شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="379"/>
        <source>Replied.</source>
        <translation>پاسخ داده شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="39"/>
        <source>Role changed.</source>
        <translation>نقش تغییر کرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="45"/>
        <source>Blocked: their posts are hidden for you.</source>
        <translation>مسدود شد: پست‌هایش برای شما پنهان است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="47"/>
        <source>Unblocked.</source>
        <translation>آزاد شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="53"/>
        <source>Saved your name in this space.</source>
        <translation>نام‌تان در این فضا ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="59"/>
        <source>Mute words saved.</source>
        <translation>واژه‌های بی‌صداشده ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="46"/>
        <source>Report a post</source>
        <translation>گزارش یک پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="47"/>
        <source>Tell the moderators what is wrong. Only they can read your report.</source>
        <translation>به ناظران بگویید چه اشکالی هست. فقط آن‌ها گزارش‌تان را می‌خوانند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="50"/>
        <source>&amp;Report</source>
        <translation>گزارش (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="51"/>
        <source>Send the report</source>
        <translation>گزارش را بفرست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="58"/>
        <source>Reported to the moderators.</source>
        <translation>به ناظران گزارش شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="64"/>
        <source>Remove a post</source>
        <translation>برداشتن یک پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="65"/>
        <source>Members will see that a moderator removed it, and this reason.</source>
        <translation>اعضا می‌بینند که یک ناظر آن را برداشته، و این دلیل را.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="68"/>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="89"/>
        <source>Re&amp;move</source>
        <translation>بردار (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="69"/>
        <source>Remove the post</source>
        <translation>پست را بردار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="76"/>
        <source>Post removed.</source>
        <translation>پست برداشته شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="83"/>
        <source>Remove a member</source>
        <translation>بیرون کردن یک عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="84"/>
        <source>Remove %1 from this space? They keep what they already read, but nothing new: the space gets a new key.</source>
        <translation>‏%1 از این فضا بیرون شود؟ آنچه پیش‌تر خوانده برایش می‌ماند، اما چیز تازه‌ای نه: فضا کلید تازه‌ای می‌گیرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="90"/>
        <source>Remove the member</source>
        <translation>عضو را بیرون کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="99"/>
        <source>%1 was removed.</source>
        <translation>‏%1 بیرون شد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="173"/>
        <source>Sync is not running, so nobody could reach you to join. Unlock again, or check the sync port in Settings.</source>
        <translation>همگام‌سازی در جریان نیست، پس کسی نمی‌توانست برای پیوستن به شما برسد. دوباره قفل را باز کنید، یا درگاه همگام‌سازی را در تنظیمات بررسی کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="168"/>
        <source>A direct invite needs sync on the local network, which is off. Turn it on in Settings, or invite through a relay.</source>
        <translation>دعوت مستقیم به همگام‌سازی روی شبکهٔ محلی نیاز دارد که خاموش است. آن را در تنظیمات روشن کنید، یا از طریق رله دعوت کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_admission.py" line="102"/>
        <source>%1 was added. They can read the space once their Haven collects the welcome.</source>
        <translation>‏%1 افزوده شد. وقتی Haven او پیام خوشامد را بگیرد، می‌تواند فضا را بخواند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_admission.py" line="115"/>
        <source>%1's request was declined.</source>
        <translation>درخواست %1 رد شد.</translation>
    </message>
</context>
<context>
    <name>Spaces</name>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="47"/>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="48"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="53"/>
        <source>no reason given</source>
        <translation>بی‌دلیل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="54"/>
        <source>Removed by a moderator: %1</source>
        <translation>برداشته‌شده به دست ناظر: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="56"/>
        <source>Deleted by its author</source>
        <translation>حذف‌شده به دست نویسنده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="58"/>
        <source>Disappeared: its timer ran out</source>
        <translation>ناپدید شد: زمانش به پایان رسید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="60"/>
        <location filename="../../src/haven/ui/spaces/models.py" line="96"/>
        <source>Content warning: %1</source>
        <translation>هشدار محتوا: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="76"/>
        <source>pinned</source>
        <translation>سنجاق‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="78"/>
        <source>edited</source>
        <translation>ویرایش‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="81"/>
        <source>disappears %1</source>
        <translation>ناپدید می‌شود %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="93"/>
        <source>Hidden until you open it</source>
        <translation>تا بازش نکنید پنهان است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="29"/>
        <source>Sending care</source>
        <translation>برایت مهر می‌فرستم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="30"/>
        <source>Me too</source>
        <translation>من هم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="31"/>
        <source>Proud of you</source>
        <translation>به تو افتخار می‌کنم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="32"/>
        <source>You are not alone</source>
        <translation>تنها نیستی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="33"/>
        <source>Thank you</source>
        <translation>ممنونم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="40"/>
        <source>Owner</source>
        <translation>مالک</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="42"/>
        <source>Admin</source>
        <translation>مدیر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="44"/>
        <source>Moderator</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="46"/>
        <source>Member</source>
        <translation>عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="47"/>
        <source>Not a member</source>
        <translation>عضو نیست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="70"/>
        <source>⚠ name looks like another member's</source>
        <translation>⚠ نامش شبیه نام عضو دیگری است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="72"/>
        <source>⚠ name uses a role word</source>
        <translation>⚠ نامش واژهٔ یک نقش را دارد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="78"/>
        <source>added a member</source>
        <translation>عضوی افزود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="79"/>
        <source>removed a member</source>
        <translation>عضوی را بیرون کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="80"/>
        <source>banned a member</source>
        <translation>عضوی را محروم کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="81"/>
        <source>changed a role</source>
        <translation>نقشی را تغییر داد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="82"/>
        <source>changed the owner</source>
        <translation>مالک را تغییر داد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="83"/>
        <source>changed a member's devices</source>
        <translation>دستگاه‌های عضوی را تغییر داد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="84"/>
        <source>renewed the space key</source>
        <translation>کلید فضا را نو کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="85"/>
        <source>edited the space's details</source>
        <translation>مشخصات فضا را ویرایش کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="86"/>
        <source>pinned a post</source>
        <translation>پستی را سنجاق کرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="87"/>
        <source>unpinned a post</source>
        <translation>سنجاق پستی را برداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="88"/>
        <source>removed a post</source>
        <translation>پستی را برداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="89"/>
        <source>removed a fundraiser</source>
        <translation>یک جمع‌آوری کمک را برداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="90"/>
        <source>removed a campaign</source>
        <translation>یک کارزار را برداشت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="102"/>
        <source>That post or member is no longer there; nothing was changed.</source>
        <translation>آن پست یا عضو دیگر نیست؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="104"/>
        <source>That could not be done: check what you typed, and that your role in this space allows it. Nothing was changed.</source>
        <translation>این کار انجام نشد: آنچه نوشته‌اید را بررسی کنید و اینکه نقش‌تان در این فضا اجازه‌اش را می‌دهد. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="116"/>
        <source>This invite stopped working because an admin who made or held it is no longer an admin of the space. This is not about you: ask an admin of the space for a new invite. Nothing was kept.</source>
        <translation>این دعوت دیگر کار نمی‌کند، چون مدیری که آن را ساخته یا نگه داشته بود دیگر مدیر این فضا نیست. مشکل از شما نیست: از یکی از مدیران فضا دعوت تازه‌ای بخواهید. چیزی نگه داشته نشد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="101"/>
        <source>%Ln replies</source>
        <translation>
            <numerusform>%Ln پاسخ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="221"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln خوانده‌نشده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="99"/>
        <source>More than %Ln replies</source>
        <translation>
            <numerusform>بیش از %Ln پاسخ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpacesPage</name>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="48"/>
        <source>Your spaces</source>
        <extracomment>How long after an event the views re-read (events often come in bursts during sync). Total unread posts over all spaces (the sidebar shows it).</extracomment>
        <translation>فضاهای شما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="49"/>
        <source>Each with its number of unread posts</source>
        <translation>هر کدام با شمار پست‌های خوانده‌نشده‌اش</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="53"/>
        <source>Spaces: small circles you trust</source>
        <translation>فضاها: حلقه‌های کوچکی که به آن‌ها اعتماد دارید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="55"/>
        <source>A space is a private group: a support circle, a topic, an organising team. Everything in it is encrypted for its members only. Start one and invite people, or join with an invite someone gave you.</source>
        <translation>فضا گروهی خصوصی است: حلقهٔ حمایت، یک موضوع، یا گروهی برای سازمان‌دهی. هر چه در آن است فقط برای اعضایش رمزگذاری می‌شود. یکی بسازید و دیگران را دعوت کنید، یا با دعوتی که کسی به شما داده بپیوندید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="61"/>
        <source>&amp;New space…</source>
        <translation>فضای تازه (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="62"/>
        <source>Create a new space</source>
        <translation>ساختن فضای تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="63"/>
        <source>&amp;Join…</source>
        <translation>پیوستن (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="64"/>
        <source>Join a space with an invite code</source>
        <translation>پیوستن به فضا با کد دعوت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="70"/>
        <source>&amp;Spaces</source>
        <translation>فضاها (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="251"/>
        <source>Space created. You are its owner.</source>
        <translation>فضا ساخته شد. شما مالک آن هستید.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="23"/>
        <source>Tor is not running: nothing goes to relays</source>
        <extracomment>How often "N min ago" is recomputed.</extracomment>
        <translation>‏Tor در حال اجرا نیست: چیزی به رله‌ها نمی‌رود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="25"/>
        <source>Sync is off</source>
        <translation>همگام‌سازی خاموش است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="27"/>
        <source>Syncing…</source>
        <translation>در حال همگام‌سازی…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="29"/>
        <source>Last sync failed</source>
        <translation>آخرین همگام‌سازی ناموفق بود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="31"/>
        <source>Not synced yet</source>
        <translation>هنوز همگام نشده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="36"/>
        <source>Synced just now (relay)</source>
        <translation>همین حالا همگام شد (رله)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="42"/>
        <source>Synced just now (local network)</source>
        <translation>همین حالا همگام شد (شبکهٔ محلی)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="47"/>
        <source>Synced just now (direct connection)</source>
        <translation>همین حالا همگام شد (اتصال مستقیم)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="50"/>
        <source>Synced %Ln hours ago (direct connection)</source>
        <translation>
            <numerusform>%Ln ساعت پیش همگام شد (اتصال مستقیم)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="45"/>
        <source>Synced %Ln hours ago (local network)</source>
        <translation>
            <numerusform>%Ln ساعت پیش همگام شد (شبکهٔ محلی)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="39"/>
        <source>Synced %Ln hours ago (relay)</source>
        <translation>
            <numerusform>%Ln ساعت پیش همگام شد (رله)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="49"/>
        <source>Synced %Ln min ago (direct connection)</source>
        <translation>
            <numerusform>%Ln دقیقه پیش همگام شد (اتصال مستقیم)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="44"/>
        <source>Synced %Ln min ago (local network)</source>
        <translation>
            <numerusform>%Ln دقیقه پیش همگام شد (شبکهٔ محلی)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="38"/>
        <source>Synced %Ln min ago (relay)</source>
        <translation>
            <numerusform>%Ln دقیقه پیش همگام شد (رله)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="58"/>
        <source>Sync status</source>
        <translation>وضعیت همگام‌سازی</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="82"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="299"/>
        <source>Show p&amp;ost</source>
        <extracomment>post id, kind, on parent id, body, content warning Your own post: edit it, or delete it (the view asks first). post id, pinned (moderators and above) thread's first post id, the reply the page ends before / starts after how that page was asked for: older or newer than which reply (to read it again)</extracomment>
        <translation>نمایش پست (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="83"/>
        <source>Show the post behind the content warning</source>
        <translation>پستِ پشت هشدار محتوا را نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="85"/>
        <source>Post</source>
        <translation>پست</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="88"/>
        <source>Repor&amp;t…</source>
        <translation>گزارش (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="89"/>
        <source>Report this post to the moderators</source>
        <translation>این پست را به ناظران گزارش کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="90"/>
        <source>Re&amp;move post…</source>
        <translation>برداشتن پست (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="91"/>
        <source>Remove this post as a moderator</source>
        <translation>این پست را به‌عنوان ناظر بردار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="92"/>
        <source>&amp;Edit…</source>
        <translation>ویرایش (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="93"/>
        <source>Edit your post</source>
        <translation>پست‌تان را ویرایش کنید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="94"/>
        <source>Dele&amp;te…</source>
        <translation>حذف (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="95"/>
        <source>Delete your post</source>
        <translation>حذف پست‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="96"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="178"/>
        <source>P&amp;in</source>
        <translation>سنجاق (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="97"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="180"/>
        <source>Pin this thread to the top</source>
        <translation>این رشته را به بالا سنجاق کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="101"/>
        <source>Posts in this thread</source>
        <translation>پست‌های این رشته</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="102"/>
        <source>The first post, then the replies</source>
        <translation>اول پست نخست، سپس پاسخ‌ها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="103"/>
        <source>Show older rep&amp;lies</source>
        <translation>پاسخ‌های قدیمی‌تر را نشان بده (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="104"/>
        <source>Show older replies</source>
        <translation>پاسخ‌های قدیمی‌تر را نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="105"/>
        <source>Show ne&amp;wer replies</source>
        <translation>پاسخ‌های تازه‌تر را نشان بده (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="106"/>
        <source>Show newer replies</source>
        <translation>پاسخ‌های تازه‌تر را نشان بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="178"/>
        <source>Unpi&amp;n</source>
        <translation>برداشتن سنجاق (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="180"/>
        <source>Unpin this thread</source>
        <translation>سنجاق این رشته را بردار</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="297"/>
        <source>Content warning: %1</source>
        <translation>هشدار محتوا: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="299"/>
        <source>Hide p&amp;ost</source>
        <translation>پنهان کردن پست (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="307"/>
        <source>This post is hidden behind a content warning. Press “Show post” to read it.</source>
        <translation>این پست پشت هشدار محتوا پنهان است. برای خواندنش «نمایش پست» را بزنید.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="28"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="84"/>
        <source>Haven is locked</source>
        <extracomment>"Restore a backup…": into a new folder, without opening this vault.</extracomment>
        <translation>‏Haven قفل است</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="29"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="109"/>
        <source>Type your passphrase to open your journal.</source>
        <translation>برای باز کردن دفترچه‌تان گذرواژه را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="33"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="34"/>
        <source>Passphrase</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="35"/>
        <source>&amp;Unlock</source>
        <translation>باز کردن قفل (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="36"/>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="40"/>
        <source>Opening your vault</source>
        <translation>در حال باز کردن خزانه‌تان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="41"/>
        <source>Get &amp;help now</source>
        <translation>همین حالا کمک بگیرید (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="42"/>
        <source>Get help now: crisis lines and support</source>
        <translation>همین حالا کمک بگیرید: خطوط بحران و پشتیبانی</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="43"/>
        <source>&amp;Restore a backup…</source>
        <translation>بازیابی پشتیبان (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="44"/>
        <source>Restore a backup into a new folder</source>
        <translation>بازیابی پشتیبان در پوشه‌ای تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="77"/>
        <source>Type your passphrase first.</source>
        <translation>اول گذرواژه‌تان را بنویسید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="84"/>
        <source>Locked</source>
        <translation>قفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="89"/>
        <source>Your backup was restored. Type its passphrase to open your journal.</source>
        <translation>پشتیبان شما بازیابی شد. برای باز کردن دفترچه‌تان گذرواژهٔ آن را بنویسید.</translation>
    </message>
</context>
<context>
    <name>UpcomingPage</name>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="42"/>
        <source>Upcoming events</source>
        <extracomment>Changes that may make the person a member of a space again (an admin adds them back). spaces held here that the last read left out (left, or removed from)</extracomment>
        <translation>رویدادهای پیش رو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="46"/>
        <source>Your next events in every space you belong to, soonest first. Only the organisers see your answers.</source>
        <translation>رویدادهای بعدی شما در همهٔ فضاهایی که عضوشان هستید، نزدیک‌ترین اول. فقط برگزارکنندگان پاسخ‌های شما را می‌بینند.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="52"/>
        <source>Your upcoming events in every space, soonest first</source>
        <translation>رویدادهای پیش روی شما در همهٔ فضاها، نزدیک‌ترین اول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="53"/>
        <source>No upcoming events in your spaces.</source>
        <translation>رویداد پیش رویی در فضاهای شما نیست.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="56"/>
        <source>Re&amp;fresh</source>
        <translation>تازه‌سازی (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="57"/>
        <source>Read your upcoming events again</source>
        <translation>رویدادهای پیش روی خود را دوباره بخوانید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="59"/>
        <source>E&amp;xport my events…</source>
        <translation>برون‌بری رویدادهایم (&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="61"/>
        <source>Export the events you are going to as a calendar file (not encrypted)</source>
        <translation>رویدادهایی را که در آن‌ها شرکت می‌کنید به‌صورت پروندهٔ تقویم برون‌بری کن (رمزگذاری‌نشده)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="148"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="154"/>
        <source>%1 (cancelled)</source>
        <translation>%1 (لغو شد)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="156"/>
        <source>%1 (you are going)</source>
        <translation>%1 (می‌آیید)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="157"/>
        <source>%1 (you said maybe)</source>
        <translation>%1 (گفتید شاید)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="158"/>
        <source>%1 (you can't go)</source>
        <translation>%1 (نمی‌توانید بیایید)</translation>
    </message>
</context>
<context>
    <name>VaultDialogs</name>
    <message>
        <location filename="../../src/haven/ui/vault_dialogs.py" line="66"/>
        <source>Passphrase changed; your vault is now under a new key.</source>
        <translation>گذرواژه تغییر کرد؛ خزانه‌تان اکنون زیر کلید تازه‌ای است.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/vault_dialogs.py" line="68"/>
        <source>Passphrase changed.</source>
        <translation>گذرواژه تغییر کرد.</translation>
    </message>
</context>
<context>
    <name>VaultFilesSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="29"/>
        <source>Backup and passphrase</source>
        <extracomment>"Change passphrase…" was pressed (the window opens its dialog). "Restore a backup…" was pressed (the window opens the restore dialog).</extracomment>
        <translation>پشتیبان و گذرواژه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="32"/>
        <source>&amp;Back up my vault…</source>
        <translation>از خزانه‌ام پشتیبان بگیر (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="33"/>
        <source>Write an encrypted backup of the vault</source>
        <translation>از خزانه پشتیبان رمزگذاری‌شده بنویس</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="35"/>
        <source>One encrypted file; it opens with the passphrase the vault has now.</source>
        <translation>یک پروندهٔ رمزگذاری‌شده؛ با گذرواژه‌ای که خزانه اکنون دارد باز می‌شود.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="37"/>
        <source>R&amp;estore a backup…</source>
        <translation>بازیابی پشتیبان (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="38"/>
        <source>Restore a backup into a new folder</source>
        <translation>بازیابی پشتیبان در پوشه‌ای تازه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="39"/>
        <source>Export my &amp;journal…</source>
        <translation>برون‌بری دفترچه‌ام (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="40"/>
        <source>Export the journal as plain text</source>
        <translation>دفترچه را به‌صورت متن ساده برون‌بری کن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="41"/>
        <source>Change &amp;passphrase…</source>
        <translation>تغییر گذرواژه (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="42"/>
        <source>Change the vault's passphrase</source>
        <translation>گذرواژهٔ خزانه را تغییر بده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="73"/>
        <source>Save an encrypted backup</source>
        <translation>ذخیرهٔ پشتیبان رمزگذاری‌شده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="88"/>
        <source>%1 already exists. A backup never replaces a file: choose a new name.</source>
        <translation>‏%1 از پیش وجود دارد. پشتیبان هرگز پرونده‌ای را جایگزین نمی‌کند: نام تازه‌ای انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="92"/>
        <source>Writing the backup…</source>
        <translation>در حال نوشتن پشتیبان…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="104"/>
        <source>Encrypted backup written to %1 (%2). It opens with the passphrase your vault has now; keep it somewhere other than this computer.</source>
        <translation>پشتیبان رمزگذاری‌شده در %1 نوشته شد (%2). با گذرواژه‌ای که خزانه‌تان اکنون دارد باز می‌شود؛ آن را جایی غیر از این رایانه نگه دارید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="118"/>
        <source>Export as plain text</source>
        <translation>برون‌بری به‌صورت متن ساده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="121"/>
        <source>An export is NOT encrypted: anyone who can open the files can read your journal. Keep them somewhere safe and delete them when you are done.</source>
        <translation>برون‌بری رمزگذاری نمی‌شود: هر کسی که بتواند پرونده‌ها را باز کند دفترچه‌تان را می‌خواند. آن‌ها را جای امنی نگه دارید و وقتی کارتان تمام شد پاکشان کنید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="126"/>
        <source>For a copy only you can open, make an encrypted backup instead.</source>
        <translation>برای نسخه‌ای که فقط خودتان بتوانید باز کنید، به جایش پشتیبان رمزگذاری‌شده بسازید.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="128"/>
        <source>&amp;Markdown files…</source>
        <translation>پرونده‌های مارک‌داون (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="129"/>
        <source>One &amp;JSON file…</source>
        <translation>یک پروندهٔ JSON (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="130"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="145"/>
        <source>Export the journal to</source>
        <translation>برون‌بری دفترچه به</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="165"/>
        <source>Exported %Ln entries as plain text to %1.</source>
        <translation>
            <numerusform>%Ln یادداشت به‌صورت متن ساده در %1 برون‌بری شد.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="178"/>
        <source>Nothing was written: choose a new name in a folder that exists (an export goes into a new or empty folder).</source>
        <translation>چیزی نوشته نشد: در پوشه‌ای موجود نام تازه‌ای انتخاب کنید (برون‌بری در پوشه‌ای تازه یا خالی نوشته می‌شود).</translation>
    </message>
</context>
<context>
    <name>VerificationWords</name>
    <message>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="47"/>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="74"/>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="87"/>
        <source>Verification words</source>
        <extracomment>Between the words: wide enough to tell four words apart at a glance.</extracomment>
        <translation>واژه‌های تأیید</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="72"/>
        <source>Verification words: %1</source>
        <translation>واژه‌های تأیید: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="78"/>
        <source>If your other device uses another language, compare these words instead: %1</source>
        <translation>اگر دستگاه دیگرتان به زبان دیگری است، به جای آن‌ها این واژه‌ها را مقایسه کنید: %1</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="39"/>
        <source>Attach a picture or file</source>
        <extracomment>Runs work off the UI thread, then `done(result)` or `failed(exc)` in it (SessionBridge.run). Called in the UI thread with the chosen path: the work that prepares it, for a worker.</extracomment>
        <translation>پیوست یک تصویر یا پرونده</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="56"/>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="65"/>
        <source>Save a copy</source>
        <translation>ذخیرهٔ یک نسخه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="58"/>
        <source>The copy is saved outside Haven's encrypted vault: anyone who can open that folder can see it. Save it anyway?</source>
        <translation>نسخه بیرون از گاوصندوق رمزگذاری‌شدهٔ Haven ذخیره می‌شود: هر کس بتواند آن پوشه را باز کند آن را می‌بیند. با این حال ذخیره شود؟</translation>
    </message>
</context>
</TS>
