<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/haven/ui/app.py" line="71"/>
        <location filename="../../src/haven/ui/app.py" line="79"/>
        <source>Already open</source>
        <extracomment>Makes the runner for commands sent to this window (haven.cli.remote, passed in by haven.__main__: the UI does not import the CLI).</extracomment>
        <translation>مفتوح من قبل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/app.py" line="72"/>
        <source>Haven is already open on this computer for this data folder, in another window or as `haven serve`. Use that one, or close it first.</source>
        <translation>‏Haven مفتوح من قبل على هذا الحاسوب لمجلد البيانات هذا، في نافذة أخرى أو كـ `haven serve`. استعمل تلك، أو أغلقها أولاً.</translation>
    </message>
</context>
<context>
    <name>AttachPicker</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="55"/>
        <source>Atta&amp;ch media…</source>
        <translation>أرفق وسائط (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="55"/>
        <source>Attach &amp;media…</source>
        <translation>أرفق وسائط (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="57"/>
        <source>Attach a picture or file</source>
        <translation>أرفق صورة أو ملفًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="59"/>
        <source>Pictures lose their hidden details (like a GPS location) before sending</source>
        <translation>تُزال من الصور تفاصيلها المخفية (مثل موقع GPS) قبل الإرسال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="62"/>
        <source>Attached files</source>
        <translation>الملفات المرفقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="66"/>
        <source>Describe the picture for people who cannot see it</source>
        <translation>صِف الصورة لمن لا يستطيع رؤيتها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="67"/>
        <source>Picture description</source>
        <translation>وصف الصورة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="68"/>
        <source>Remove attachment</source>
        <translation>أزل المرفق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="69"/>
        <source>Remove the selected attachment</source>
        <translation>أزل المرفق المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="115"/>
        <source>A post holds at most %1 attachments.</source>
        <translation>يحمل المنشور %1 مرفقات على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="122"/>
        <source>Preparing the attachment…</source>
        <translation>يجري تجهيز المرفق…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="131"/>
        <source>Removed from %1: %2</source>
        <translation>أُزيل من %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="136"/>
        <source>Attached: %1</source>
        <translation>أُرفق: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="170"/>
        <source>Picture</source>
        <translation>صورة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="170"/>
        <source>File</source>
        <translation>ملف</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="129"/>
        <source>Press Enter to open it larger</source>
        <translation>اضغط Enter لفتحها بحجم أكبر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="135"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="139"/>
        <source>Press Enter to save a copy</source>
        <translation>اضغط Enter لحفظ نسخة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="147"/>
        <source>%1 of %2 parts here</source>
        <translation>وصل %1 من %2 أجزاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="151"/>
        <source>over this space's limit</source>
        <translation>أكبر من حد هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="198"/>
        <source>Saved a copy outside the vault: %1</source>
        <translation>حُفظت نسخة خارج الخزنة: %1</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="16"/>
        <source>%1 KiB</source>
        <translation>%1 ك.ب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="17"/>
        <source>%1 MiB</source>
        <translation>%1 م.ب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="22"/>
        <source>camera details (EXIF)</source>
        <translation>تفاصيل الكاميرا (EXIF)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="23"/>
        <source>GPS location</source>
        <translation>موقع GPS</translation>
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
        <translation>ملف الألوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="27"/>
        <source>comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="28"/>
        <source>text notes</source>
        <translation>ملاحظات نصية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="29"/>
        <source>hidden thumbnail</source>
        <translation>صورة مصغرة مخفية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="39"/>
        <source>That file is larger than this space allows; nothing was attached.</source>
        <translation>هذا الملف أكبر مما تسمح به هذه المساحة؛ لم يُرفق شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="42"/>
        <source>That picture is too large to open safely; nothing was attached.</source>
        <translation>هذه الصورة أكبر من أن تُفتح بأمان؛ لم يُرفق شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="45"/>
        <source>That picture or file is damaged and could not be read.</source>
        <translation>هذه الصورة أو هذا الملف تالف ولم تمكن قراءته.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="48"/>
        <source>Animated pictures cannot be attached yet.</source>
        <translation>لا يمكن إرفاق الصور المتحركة بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="49"/>
        <source>Haven attaches pictures as JPEG, PNG, WebP or GIF only, so that it can remove their hidden details. Convert this one first.</source>
        <translation>يرفق Haven الصور بصيغ JPEG أو PNG أو WebP أو GIF فقط، كي يزيل تفاصيلها المخفية. حوّل هذه الصورة أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="54"/>
        <source>That file could not be read.</source>
        <translation>تعذرت قراءة هذا الملف.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="55"/>
        <source>That file is empty.</source>
        <translation>هذا الملف فارغ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="56"/>
        <source>This attachment has not fully arrived yet. Try again after syncing.</source>
        <translation>لم يصل هذا المرفق كاملًا بعد. حاول مجددًا بعد المزامنة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="59"/>
        <source>This attachment is larger than the space allows, so it was not kept.</source>
        <translation>هذا المرفق أكبر مما تسمح به المساحة، لذا لم يُحفظ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="62"/>
        <source>A file with that name is already there; choose another name.</source>
        <translation>يوجد ملف بهذا الاسم هناك؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="65"/>
        <source>The copy could not be written there; choose another folder.</source>
        <translation>تعذرت كتابة النسخة هناك؛ اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="77"/>
        <source>Picture: %1</source>
        <translation>صورة: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="78"/>
        <source>Picture with no description: %1</source>
        <translation>صورة بلا وصف: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_wording.py" line="82"/>
        <source>File: %1, %2</source>
        <translation>ملف: %1، %2</translation>
    </message>
</context>
<context>
    <name>CausesTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="29"/>
        <source>Pledged. Only the organisers see how much.</source>
        <translation>تمّ التعهّد. لا يرى المبلغ إلا المنظّمون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="36"/>
        <source>Update posted.</source>
        <translation>نُشر المستجدّ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="50"/>
        <source>Fundraiser started.</source>
        <translation>بدأت حملة التبرعات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="66"/>
        <source>Campaign started.</source>
        <translation>بدأت الحملة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="78"/>
        <source>Closed.</source>
        <translation>أُغلق.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="83"/>
        <source>Remove and erase</source>
        <translation>إزالة ومحو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="84"/>
        <source>Remove “%1”? It is hidden at once. Its text, updates and pledges are erased on every device a day after it gets the removal (at once if you own the space). Your reason goes in the moderation log.</source>
        <translation>إزالة «%1»؟ يُخفى فورًا. ويُمحى نصه وتحديثاته والتعهدات به من كل جهاز بعد يوم من وصول الإزالة إليه (وفورًا إن كنت مالك المساحة). يُكتب سببك في سجل الإشراف.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="90"/>
        <source>&amp;Remove</source>
        <translation>أزل (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="91"/>
        <source>Remove and erase it</source>
        <translation>إزالته ومحوه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="100"/>
        <source>Removed. Its text is erased as the others sync.</source>
        <translation>أُزيل. يُمحى نصه عند مزامنة الآخرين.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="117"/>
        <source>Pledge withdrawn.</source>
        <translation>سُحب التعهّد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="123"/>
        <source>Marked received.</source>
        <translation>عُلِّم أنه وصل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_actions.py" line="129"/>
        <source>Counted. Thank you.</source>
        <translation>حُسب. شكرًا لك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="77"/>
        <source>Sta&amp;rt a fundraiser…</source>
        <translation>ابدأ حملة تبرعات (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="78"/>
        <source>Start a fundraiser</source>
        <translation>ابدأ حملة تبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="79"/>
        <source>Start a campai&amp;gn…</source>
        <translation>ابدأ حملة (&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="80"/>
        <source>Start a campaign</source>
        <translation>ابدأ حملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="82"/>
        <source>Fundraisers</source>
        <translation>حملات جمع التبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="83"/>
        <source>F&amp;undraisers</source>
        <translation>حملات جمع التبرعات (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="88"/>
        <source>Progress towards the goal</source>
        <translation>التقدّم نحو الهدف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="96"/>
        <source>Amount to pledge</source>
        <translation>المبلغ الذي تتعهّد به</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="97"/>
        <source>Am&amp;ount</source>
        <translation>المبلغ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="99"/>
        <source>&amp;Pledge</source>
        <translation>تعهّد (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="101"/>
        <source>Pledge this amount; only the organisers see it</source>
        <translation>تعهّد بهذا المبلغ؛ لا يراه إلا المنظّمون</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="103"/>
        <source>&amp;Withdraw my pledge</source>
        <translation>اسحب تعهّدي (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="104"/>
        <source>Withdraw my pledge</source>
        <translation>اسحب تعهّدي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="106"/>
        <source>Who pledged what (organisers only)</source>
        <translation>من تعهّد بماذا (للمنظّمين فقط)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="107"/>
        <source>Mark r&amp;eceived</source>
        <translation>علّم أنه وصل (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="109"/>
        <source>Mark the chosen pledge received (organisers only)</source>
        <translation>علّم أن التعهّد المختار وصل (للمنظّمين فقط)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="112"/>
        <source>An update for the supporters</source>
        <translation>مستجدّ للداعمين</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="113"/>
        <source>Post an upda&amp;te</source>
        <translation>انشر مستجدًّا (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="114"/>
        <source>Post the update</source>
        <translation>انشر المستجدّ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="117"/>
        <source>Campaigns</source>
        <translation>الحملات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="118"/>
        <source>&amp;Campaigns</source>
        <translation>الحملات (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="122"/>
        <source>I d&amp;id this</source>
        <translation>فعلتُ ذلك (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="123"/>
        <source>Say that I did this (counted once)</source>
        <translation>قل إنك فعلت ذلك (يُحسب مرة واحدة)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="234"/>
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 من %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="241"/>
        <source>%1 — %Ln did this</source>
        <translation>
            <numerusform>%1 — لم يفعلها أحد بعد</numerusform>
            <numerusform>%1 — فعلها شخص واحد</numerusform>
            <numerusform>%1 — فعلها شخصان</numerusform>
            <numerusform>%1 — فعلها %Ln أشخاص</numerusform>
            <numerusform>%1 — فعلها %Ln شخصًا</numerusform>
            <numerusform>%1 — فعلها %Ln شخص</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="272"/>
        <source>No fundraiser chosen</source>
        <translation>لم تُختر حملة تبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="282"/>
        <source>%1 of %2 (%3)</source>
        <translation>%1 من %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="289"/>
        <source>Closed: no more pledges.</source>
        <translation>مغلقة: لا مزيد من التعهدات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="291"/>
        <source>For: %1</source>
        <translation>من أجل: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="292"/>
        <source>Where to give (Haven moves no money; nothing here is opened): %1</source>
        <translation>أين تتبرّع (لا ينقل Haven أي مال، ولا يُفتح شيء هنا): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="295"/>
        <source>%Ln supporter(s)</source>
        <translation>
            <numerusform>لا داعمين بعد</numerusform>
            <numerusform>داعم واحد</numerusform>
            <numerusform>داعمان</numerusform>
            <numerusform>%Ln داعمين</numerusform>
            <numerusform>%Ln داعمًا</numerusform>
            <numerusform>%Ln داعم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="298"/>
        <source>Until %1</source>
        <translation>حتى %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="301"/>
        <source>%Ln pledge change(s) not yet counted by an organiser</source>
        <translation>
            <numerusform>لا تغييرات في التعهّدات بانتظار العدّ</numerusform>
            <numerusform>تغيير واحد في التعهّدات لم يعدّه منظّم بعد</numerusform>
            <numerusform>تغييران في التعهّدات لم يعدّهما منظّم بعد</numerusform>
            <numerusform>%Ln تغييرات في التعهّدات لم يعدّها منظّم بعد</numerusform>
            <numerusform>%Ln تغييرًا في التعهّدات لم يعدّه منظّم بعد</numerusform>
            <numerusform>%Ln تغيير في التعهّدات لم يعدّه منظّم بعد</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="305"/>
        <source>Warning: the published total differs from the pledges this device read.</source>
        <translation>تحذير: المجموع المنشور يختلف عن التعهّدات التي قرأها هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="309"/>
        <source>Your pledge: %1 (only the organisers see it)</source>
        <translation>تعهّدك: %1 (لا يراه إلا المنظّمون)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="323"/>
        <source>unreadable</source>
        <translation>غير مقروء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="324"/>
        <source>%1: %2 (received)</source>
        <translation>%1: %2 (وصل)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="324"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="345"/>
        <source>Update from %1: %2</source>
        <translation>مستجدّ من %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="357"/>
        <source>Closed: no more sign-ups.</source>
        <translation>مغلقة: لا مزيد من المشاركات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="358"/>
        <source>Action: %1</source>
        <translation>المطلوب: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="360"/>
        <source>Where: %1</source>
        <translation>أين: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="362"/>
        <source>On %1</source>
        <translation>في %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="364"/>
        <source>You did this. Thank you.</source>
        <translation>فعلتَ ذلك. شكرًا لك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="31"/>
        <source>Close &amp;fundraiser</source>
        <translation>إغلاق حملة التبرعات (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="32"/>
        <source>Close this fundraiser: no more pledges</source>
        <translation>إغلاق حملة التبرعات هذه: لا مزيد من التعهدات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="37"/>
        <source>Remo&amp;ve fundraiser…</source>
        <translation>إزالة حملة التبرعات (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="38"/>
        <source>Remove this fundraiser and erase its text (moderators)</source>
        <translation>إزالة حملة التبرعات هذه ومحو نصها (للمشرفين)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="47"/>
        <source>Close c&amp;ampaign</source>
        <translation>إغلاق الحملة (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="48"/>
        <source>Close this campaign: no more sign-ups</source>
        <translation>إغلاق هذه الحملة: لا مزيد من المشاركات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="51"/>
        <source>Remove campaign…</source>
        <translation>إزالة الحملة…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_ending.py" line="52"/>
        <source>Remove this campaign and erase its text (moderators)</source>
        <translation>إزالة هذه الحملة ومحو نصها (للمشرفين)</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="131"/>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="133"/>
        <source>Current passphrase</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="138"/>
        <source>Also move my vault to a &amp;new key</source>
        <translation>انقل خزنتي أيضاً إلى مفتاح جديد (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="139"/>
        <source>Also move the vault to a new key</source>
        <translation>انقل الخزنة أيضاً إلى مفتاح جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="142"/>
        <source>Re-encrypts everything, so an old copy of the vault's key or header no longer opens it. Takes longer; safe if interrupted.</source>
        <translation>يعيد تشفير كل شيء، فلا تعود نسخة قديمة من مفتاح الخزنة أو ترويستها تفتحها. يستغرق وقتاً أطول؛ وهو آمن إن انقطع.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="136"/>
        <source>Changing the passphrase</source>
        <translation>جارٍ تغيير عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="134"/>
        <source>C&amp;hange</source>
        <translation>غيّر (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="135"/>
        <source>Change the passphrase</source>
        <translation>غيّر عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="132"/>
        <source>C&amp;urrent passphrase</source>
        <translation>عبارة المرور الحالية (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="154"/>
        <source>Type your current passphrase first.</source>
        <translation>اكتب عبارة المرور الحالية أولاً.</translation>
    </message>
</context>
<context>
    <name>ChannelActions</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="97"/>
        <source>Muted on this computer.</source>
        <extracomment>The unread counts changed (a page was read): the space list may re-count.</extracomment>
        <translation>كُتمت على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="97"/>
        <source>Unmuted.</source>
        <translation>أُلغي الكتم.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="103"/>
        <source>Channel created.</source>
        <translation>أُنشئت القناة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="110"/>
        <source>Channel renamed.</source>
        <translation>أُعيدت تسمية القناة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_actions.py" line="115"/>
        <source>Channel archived.</source>
        <translation>أُرشفت القناة.</translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="59"/>
        <source>Channels</source>
        <extracomment>Messages the timeline holds at most: scrolling further back lets the newest go (choosing the channel again shows the newest page), so each page costs the same however far back. channel id, text, quoted message id (b"" for none)</extracomment>
        <translation>القنوات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="60"/>
        <source>Choose a channel to read it</source>
        <translation>اختر قناة لتقرأها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="64"/>
        <source>M&amp;ute this channel on this computer</source>
        <translation>اكتم هذه القناة على هذا الحاسوب (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="65"/>
        <source>Mute this channel</source>
        <translation>اكتم هذه القناة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="69"/>
        <source>Channel name, e.g. general</source>
        <translation>اسم القناة، مثلاً: عام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="70"/>
        <source>Channel name</source>
        <translation>اسم القناة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="71"/>
        <source>Announcements: only admins post</source>
        <translation>إعلانات: ينشر فيها المشرفون وحدهم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="72"/>
        <source>Announcement channel</source>
        <translation>قناة إعلانات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="73"/>
        <source>Ne&amp;w channel</source>
        <translation>قناة جديدة (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="74"/>
        <source>Create the channel</source>
        <translation>أنشئ القناة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="76"/>
        <source>&amp;Rename</source>
        <translation>أعد التسمية (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="77"/>
        <source>Rename the chosen channel</source>
        <translation>أعد تسمية القناة المختارة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="79"/>
        <source>Archi&amp;ve</source>
        <translation>أرشِف (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="80"/>
        <source>Archive the chosen channel</source>
        <translation>أرشِف القناة المختارة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="98"/>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="100"/>
        <source>Oldest at the top; Q quotes the chosen message in your answer</source>
        <translation>الأقدم في الأعلى؛ المفتاح Q يقتبس الرسالة المختارة في ردّك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="104"/>
        <source>Show &amp;older messages</source>
        <translation>اعرض الرسائل الأقدم (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="105"/>
        <source>Show older messages</source>
        <translation>اعرض الرسائل الأقدم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="109"/>
        <source>The chosen message's quote and mentions</source>
        <translation>اقتباس الرسالة المختارة والإشارات فيها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="112"/>
        <source>&amp;Quote</source>
        <translation>اقتبس (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="113"/>
        <source>Answer the chosen message by quoting it</source>
        <translation>ردّ على الرسالة المختارة باقتباسها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="119"/>
        <source>Write a message; @name mentions a member</source>
        <translation>اكتب رسالة؛ @الاسم يشير إلى عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="120"/>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="121"/>
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter للإرسال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="122"/>
        <source>S&amp;end</source>
        <translation>أرسل (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="123"/>
        <source>Send the message</source>
        <translation>أرسل الرسالة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="128"/>
        <source>No channels yet. Admins create them.</source>
        <translation>لا قنوات بعد. ينشئها المشرفون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="203"/>
        <source>Choose a channel.</source>
        <translation>اختر قناة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="205"/>
        <source>This channel is archived: nobody posts here.</source>
        <translation>هذه القناة مؤرشفة: لا أحد ينشر فيها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="207"/>
        <source>Announcements: only admins post here.</source>
        <translation>إعلانات: المشرفون وحدهم ينشرون هنا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_tab.py" line="263"/>
        <source>A message has at most %1 characters.</source>
        <translation>تتسع الرسالة لـ %1 حرف على الأكثر.</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="22"/>
        <source>announcements</source>
        <translation>إعلانات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="24"/>
        <source>archived</source>
        <translation>مؤرشفة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="26"/>
        <source>muted</source>
        <translation>مكتومة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="37"/>
        <source>Quoting a message that is gone</source>
        <translation>يقتبس رسالة لم تعد موجودة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="39"/>
        <source>Quoting %1: %2</source>
        <translation>يقتبس %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="47"/>
        <source>Mentions %1 (%2, %3)</source>
        <translation>يشير إلى %1 (%2، %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="28"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>لا جديد</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%Ln رسائل غير مقروءة</numerusform>
            <numerusform>%Ln رسالةً غير مقروءة</numerusform>
            <numerusform>%Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="30"/>
        <source>mentions of you: %Ln</source>
        <translation>
            <numerusform>إشارات إليك: %Ln</numerusform>
            <numerusform>إشارات إليك: %Ln</numerusform>
            <numerusform>إشارات إليك: %Ln</numerusform>
            <numerusform>إشارات إليك: %Ln</numerusform>
            <numerusform>إشارات إليك: %Ln</numerusform>
            <numerusform>إشارات إليك: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="41"/>
        <source>Title (optional)</source>
        <extracomment>title, body, content warning ("" for none)</extracomment>
        <translation>العنوان (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="42"/>
        <source>Post title</source>
        <translation>عنوان المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="47"/>
        <source>Write a reply…</source>
        <translation>اكتب ردًا…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="47"/>
        <source>Write a post. Markdown is welcome.</source>
        <translation>اكتب منشورًا. يمكنك استخدام Markdown.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="49"/>
        <source>Reply text</source>
        <translation>نص الرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="49"/>
        <source>Post text</source>
        <translation>نص المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="50"/>
        <source>Ctrl+Enter sends</source>
        <translation>Ctrl+Enter للإرسال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="55"/>
        <source>Content &amp;warning</source>
        <translation>تحذير من المحتوى (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="55"/>
        <source>Content warnin&amp;g</source>
        <translation>تحذير من المحتوى (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="57"/>
        <source>Add a content warning</source>
        <translation>أضف تحذيرًا من المحتوى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="58"/>
        <source>Readers see only the warning until they open it</source>
        <translation>لا يرى القرّاء إلا التحذير حتى يفتحوا المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="61"/>
        <source>What the post is about, e.g. “family conflict”</source>
        <translation>عمّ يتحدث المنشور، مثل «خلاف عائلي»</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="62"/>
        <source>Content warning text</source>
        <translation>نص التحذير من المحتوى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="64"/>
        <source>&amp;Reply</source>
        <translation>ردّ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="64"/>
        <source>&amp;Post</source>
        <translation>انشر (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="66"/>
        <source>Send the reply</source>
        <translation>أرسل الرد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="66"/>
        <source>Send the post</source>
        <translation>انشر المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="139"/>
        <source>Write something first.</source>
        <translation>اكتب شيئًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="143"/>
        <source>Say what the content warning is about, or turn it off.</source>
        <translation>اكتب موضوع التحذير، أو أوقفه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="147"/>
        <source>Wait until the attachment is ready.</source>
        <translation>انتظر حتى يجهز المرفق.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/composer.py" line="151"/>
        <source>A post holds at most %1 characters.</source>
        <translation>يتسع المنشور لـ %1 حرف على الأكثر.</translation>
    </message>
</context>
<context>
    <name>CreateSpaceDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="57"/>
        <source>New space</source>
        <translation>مساحة جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="61"/>
        <source>Space name</source>
        <translation>اسم المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="64"/>
        <source>Space description</source>
        <translation>وصف المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="66"/>
        <source>Topics, separated by commas</source>
        <translation>المواضيع، مفصولة بفواصل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="68"/>
        <source>e.g. coming out, relationships, parenting</source>
        <translation>مثلاً: الإفصاح عن الهوية، العلاقات، الأبوّة والأمومة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="71"/>
        <source>Guidelines new members accept</source>
        <translation>الإرشادات التي يقبلها الأعضاء الجدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="72"/>
        <source>Be kind. What is said here stays here.</source>
        <translation>كن لطيفًا. ما يقال هنا يبقى هنا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="76"/>
        <source>&amp;Name</source>
        <translation>الاسم (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="77"/>
        <source>&amp;Description</source>
        <translation>الوصف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="78"/>
        <source>&amp;Topics</source>
        <translation>المواضيع (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="79"/>
        <source>&amp;Guidelines</source>
        <translation>الإرشادات (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="80"/>
        <source>&amp;Create</source>
        <translation>أنشئ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="80"/>
        <source>Create the space</source>
        <translation>أنشئ المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="82"/>
        <source>You will be its owner, under a name used only in this space.</source>
        <translation>ستكون مالكها، باسم لا يُستخدم إلا في هذه المساحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="92"/>
        <source>Give the space a name.</source>
        <translation>اختر اسمًا للمساحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="98"/>
        <source>Up to %1 topics, each up to %2 characters.</source>
        <translation>حتى %1 مواضيع، كل منها حتى %2 حرفًا.</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="32"/>
        <source>Welcome to Haven</source>
        <extracomment>passphrase, display name, pronouns — all checked already. The person already has Haven on another computer and wants to link this one. The person has a backup (say, on a new computer): restore it into this data folder.</extracomment>
        <translation>مرحبًا بك في Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="35"/>
        <source>Your journal stays on this computer, encrypted with a passphrase only you know. If you forget it, nobody can recover your entries.</source>
        <translation>تبقى يومياتك على هذا الحاسوب، مشفّرةً بعبارة مرور لا يعرفها أحد سواك. إذا نسيتها فلن يستطيع أحد استعادة ما كتبته.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="43"/>
        <source>Display name</source>
        <translation>الاسم الظاهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="44"/>
        <source>Any name you like; it need not be real</source>
        <translation>أي اسم تحبه؛ لا يلزم أن يكون اسمك الحقيقي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="47"/>
        <source>optional, e.g. they/them</source>
        <translation>اختياري</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="48"/>
        <source>Pronouns</source>
        <translation>الضمائر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="64"/>
        <source>&amp;Restore a backup…</source>
        <translation>استعِد نسخة احتياطية (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="65"/>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="67"/>
        <source>Open the journal you saved in a Haven backup file</source>
        <translation>افتح اليوميات التي حفظتها في ملف نسخة احتياطية من Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="72"/>
        <source>Pro&amp;nouns</source>
        <translation>الضمائر (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="54"/>
        <source>Creating your vault</source>
        <translation>جارٍ إنشاء خزنتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="55"/>
        <location filename="../../src/haven/ui/pages/create_page.py" line="56"/>
        <source>Create my vault</source>
        <translation>أنشئ خزنتي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="59"/>
        <source>&amp;Link to my other device…</source>
        <translation>اربط بجهازي الآخر (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="60"/>
        <source>Link to my other device</source>
        <translation>الربط بجهازي الآخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="62"/>
        <source>Use the journal you already have on another computer</source>
        <translation>استخدم اليوميات الموجودة لديك على حاسوب آخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="71"/>
        <source>&amp;Display name</source>
        <translation>الاسم الظاهر (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/create_page.py" line="108"/>
        <source>Choose a display name (any name you like).</source>
        <translation>اختر اسمًا ظاهرًا (أي اسم تحبه).</translation>
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
        <translation>الأجهزة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="39"/>
        <source>Your journal can live on several of your computers. Linked devices sync with each other directly, encrypted end to end; no server ever sees your entries.</source>
        <translation>يمكن أن تكون يومياتك على عدة حواسيب لك. تتزامن الأجهزة المرتبطة مباشرة فيما بينها، بتشفير تام بين الطرفين؛ ولا يرى أي خادم تدويناتك أبدًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="45"/>
        <source>Linked devices</source>
        <translation>الأجهزة المرتبطة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="47"/>
        <source>&amp;Link a new device…</source>
        <translation>ربط جهاز جديد (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="48"/>
        <source>Link a new device</source>
        <translation>ربط جهاز جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="49"/>
        <source>&amp;Unlink…</source>
        <translation>فك الربط (&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="50"/>
        <source>Unlink the selected device</source>
        <translation>فك ربط الجهاز المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="124"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="188"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="200"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="237"/>
        <source>Unnamed device</source>
        <translation>جهاز بلا اسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="128"/>
        <source>%1 — this device</source>
        <translation>%1 — هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="130"/>
        <source>%1 — unlinked</source>
        <translation>%1 — فُكّ ربطه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="192"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="213"/>
        <source>Unlink %1?</source>
        <translation>فك ربط %1؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="194"/>
        <source>It keeps what it already has, but it cannot read anything written after this: your journal moves to a new key that it never receives. To remove what is already on it, erase Haven's data there.</source>
        <translation>يحتفظ بما لديه من قبل، لكنه لن يستطيع قراءة أي شيء يُكتب بعد الآن: تنتقل يومياتك إلى مفتاح جديد لا يصله أبدًا. لإزالة ما عليه الآن، امسح بيانات Haven هناك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="199"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="202"/>
        <source>Unlink %1 anyway?</source>
        <translation>أتفك ربط %1 على أي حال؟</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/devices/devices_page.py" line="204"/>
        <source>%1 has not synced with this device since the last key update, so this device does not have its key yet. After this unlink it would have to be linked again. Sync it with this device first to avoid that.</source>
        <translation>
            <numerusform>لم تُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفاتيحها بعد. بعد فك الربط هذا سيلزم ربطها من جديد. زامنها مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
            <numerusform>لم يُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفتاحه بعد. بعد فك الربط هذا سيلزم ربطه من جديد. زامنه مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
            <numerusform>لم يُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفتاحاهما بعد. بعد فك الربط هذا سيلزم ربطهما من جديد. زامنهما مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
            <numerusform>لم تُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفاتيحها بعد. بعد فك الربط هذا سيلزم ربطها من جديد. زامنها مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
            <numerusform>لم تُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفاتيحها بعد. بعد فك الربط هذا سيلزم ربطها من جديد. زامنها مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
            <numerusform>لم تُزامن %1 مع هذا الجهاز منذ آخر تحديث للمفاتيح، فليس لدى هذا الجهاز مفاتيحها بعد. بعد فك الربط هذا سيلزم ربطها من جديد. زامنها مع هذا الجهاز أولًا لتجنّب ذلك.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="211"/>
        <source>Unlink anyway</source>
        <translation>فك الربط على أي حال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="215"/>
        <source>Unlink</source>
        <translation>فك الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="218"/>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="219"/>
        <source>Keep it linked</source>
        <translation>أبقه مرتبطًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/devices_page.py" line="242"/>
        <source>%1 is unlinked. Your other devices receive the new key when they next sync.</source>
        <translation>فُكّ ربط %1. تتلقى أجهزتك الأخرى المفتاح الجديد عند مزامنتها القادمة.</translation>
    </message>
</context>
<context>
    <name>Disappearing</name>
    <message>
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="38"/>
        <source>Posts here disappear %1 after each device receives them, from every device that follows the rules. Haven cannot stop anyone from taking a screenshot, copying the words or using a modified app to keep them.</source>
        <translation>تختفي المنشورات هنا بعد %1 من استلام كل جهاز لها، من كل جهاز يتبع القواعد. لا يستطيع Haven منع أحد من التقاط صورة للشاشة أو نسخ الكلمات أو استخدام تطبيق معدّل للاحتفاظ بها.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="20"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومين</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="21"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتين</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="16"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتين</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="18"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n أسبوع</numerusform>
            <numerusform>أسبوع واحد</numerusform>
            <numerusform>أسبوعين</numerusform>
            <numerusform>%n أسابيع</numerusform>
            <numerusform>%n أسبوعًا</numerusform>
            <numerusform>%n أسبوع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discreet</name>
    <message>
        <location filename="../../src/haven/ui/discreet.py" line="39"/>
        <source>Notes</source>
        <extracomment>X11's predefined atoms WM_CLASS and STRING (xproto.h), and PropModeReplace.</extracomment>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>DmPage</name>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="33"/>
        <source>Private messages</source>
        <extracomment>Messages waiting to be read in all conversations (each counted up to the feed's cap).</extracomment>
        <translation>الرسائل الخاصة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="37"/>
        <source>Each conversation is with one member of a space you share, under the names you both use there. Start one from a space's members: "Message privately".</source>
        <translation>كل محادثة مع عضو واحد في مساحة تشاركانها، بالاسمين اللذين تستخدمانهما هناك. ابدأ واحدة من أعضاء المساحة: «راسِل على انفراد».</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="43"/>
        <source>Your private conversations</source>
        <translation>محادثاتك الخاصة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="45"/>
        <source>No private conversations yet.</source>
        <translation>لا محادثات خاصة بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="128"/>
        <source>%1 (from %2)</source>
        <translation>%1 (من %2)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="133"/>
        <source>%1, blocked</source>
        <translation>%1، محظورة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="135"/>
        <source>%1, arrives with the next sync</source>
        <translation>%1، تصل مع المزامنة التالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_page.py" line="137"/>
        <source>%1, %2 unread</source>
        <translation>%1، %2 غير مقروءة</translation>
    </message>
</context>
<context>
    <name>DmView</name>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="54"/>
        <source>Messages, oldest first</source>
        <translation>الرسائل، الأقدم أولاً</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="56"/>
        <source>Enter opens a message behind a content warning</source>
        <translation>مفتاح Enter يفتح رسالة خلف تحذير من المحتوى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="59"/>
        <source>&amp;Send</source>
        <translation>أرسل (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="60"/>
        <source>Send the message</source>
        <translation>أرسل الرسالة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="61"/>
        <source>Write a message…</source>
        <translation>اكتب رسالة…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="62"/>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="63"/>
        <source>What the message is about</source>
        <translation>عمّ تتحدث الرسالة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="65"/>
        <source>&amp;Block…</source>
        <translation>احظر (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="67"/>
        <source>Block this person: the conversation closes for both of you</source>
        <translation>احظر هذا الشخص: تُغلق المحادثة لكليكما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="140"/>
        <source>Conversation with %1</source>
        <translation>محادثة مع %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="144"/>
        <source>Only you and %1 can read this. The admins of %2 see nothing of it, not even that it is with %1.</source>
        <translation>لا يقرأ هذا سواك و%1. لا يرى مديرو %2 شيئاً منه، ولا حتى أنه مع %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="155"/>
        <source>This conversation is blocked: nobody can write in it any more.</source>
        <translation>هذه المحادثة محظورة: لا يمكن لأحد الكتابة فيها بعد الآن.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="156"/>
        <source>This conversation arrives with the next sync.</source>
        <translation>تصل هذه المحادثة مع المزامنة التالية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="161"/>
        <source>%1 is no longer a member of %2. You can still block them.</source>
        <translation>لم يعد %1 عضواً في %2. لا يزال بإمكانك حظره.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="174"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="179"/>
        <source>(deleted)</source>
        <translation>(محذوفة)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="181"/>
        <source>Content warning: %1. Press Enter to show the message.</source>
        <translation>تحذير من المحتوى: %1. اضغط Enter لإظهار الرسالة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="231"/>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="239"/>
        <source>Block</source>
        <translation>احظر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/dm/dm_view.py" line="234"/>
        <source>Block %1? Neither of you can write in this conversation any more, and they cannot start a new one with you from this space. This cannot be undone.</source>
        <translation>أتحظر %1؟ لن يستطيع أيٌّ منكما الكتابة في هذه المحادثة بعد الآن، ولن يستطيع بدء محادثة جديدة معك من هذه المساحة. لا يمكن التراجع عن هذا.</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="32"/>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="40"/>
        <source>Remove the duress passphrase</source>
        <translation>أزل عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="34"/>
        <source>Duress passphrase</source>
        <translation>عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="37"/>
        <source>Your vault's passphrase</source>
        <translation>عبارة مرور خزنتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="48"/>
        <source>Using it also &amp;destroys this vault</source>
        <translation>استعمالها يُتلف هذه الخزنة أيضاً (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="49"/>
        <source>Using the duress passphrase destroys this vault</source>
        <translation>استعمال عبارة مرور الإكراه يُتلف هذه الخزنة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="52"/>
        <source>If ticked, unlocking with the duress passphrase also overwrites this vault's key, without a sign. After that nobody — you included — can ever open this vault again with any passphrase; only a backup brings it back.</source>
        <translation>إن اخترت هذا، فإن فتح القفل بعبارة مرور الإكراه يمحو أيضاً مفتاح هذه الخزنة، دون أي أثر ظاهر. بعدها لا يستطيع أحد — ولا أنت — فتح هذه الخزنة بأي عبارة مرور؛ وحدها النسخة الاحتياطية تعيدها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="58"/>
        <source>I &amp;understand this cannot be undone</source>
        <translation>أفهم أن هذا لا يمكن التراجع عنه (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="59"/>
        <source>I understand the vault cannot be recovered</source>
        <translation>أفهم أن الخزنة لا يمكن استرجاعها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="44"/>
        <source>Saving the duress passphrase</source>
        <translation>يجري حفظ عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="38"/>
        <source>&amp;Remove</source>
        <translation>أزل (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="38"/>
        <source>&amp;Set</source>
        <translation>اضبط (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="42"/>
        <source>Set the duress passphrase</source>
        <translation>اضبط عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="36"/>
        <source>Your &amp;passphrase</source>
        <translation>عبارة مرورك (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="64"/>
        <source>The decoy journal and everything written in it are deleted.</source>
        <translation>تُحذف اليوميات التمويهية وكل ما كُتب فيها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="80"/>
        <source>Type your vault's passphrase first.</source>
        <translation>اكتب عبارة مرور خزنتك أولاً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="86"/>
        <source>Tick the second box to confirm, or untick the first.</source>
        <translation>اختر المربع الثاني للتأكيد، أو ألغِ اختيار الأول.</translation>
    </message>
</context>
<context>
    <name>DuressSettings</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="112"/>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="113"/>
        <source>Duress passphrase</source>
        <translation>عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="119"/>
        <source>If someone forces you to unlock Haven, you can type a second passphrase instead of yours. It opens a separate decoy journal — write a few entries in it yourself, so it looks lived in — with no spaces and no linked devices. Your real vault stays closed. From outside, Haven's files look the same whether or not you set one, but someone who knows Haven well and examines the files closely may still suspect it.</source>
        <translation>إن أجبرك أحد على فتح Haven، يمكنك كتابة عبارة مرور ثانية بدلاً من عبارتك. تفتح يوميات تمويهية منفصلة — اكتب فيها بعض الإدخالات بنفسك لتبدو مستعملة — بلا مساحات ولا أجهزة مرتبطة. وتبقى خزنتك الحقيقية مقفلة. من الخارج تبدو ملفات Haven متشابهة سواء ضبطتها أم لا، لكن من يعرف Haven جيداً ويفحص الملفات عن قرب قد يشكّ في الأمر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="130"/>
        <source>Set &amp;duress passphrase…</source>
        <translation>اضبط عبارة مرور الإكراه (&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="131"/>
        <source>Set a duress passphrase</source>
        <translation>اضبط عبارة مرور إكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="132"/>
        <source>Remove duress passphrase…</source>
        <translation>أزل عبارة مرور الإكراه…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="133"/>
        <source>Remove the duress passphrase</source>
        <translation>أزل عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="159"/>
        <source>Unlock Haven to change this.</source>
        <translation>افتح Haven لتغيير هذا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="161"/>
        <source>No duress passphrase is set.</source>
        <translation>لم تُضبط عبارة مرور إكراه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="164"/>
        <source>A duress passphrase is set. Using it also destroys this vault.</source>
        <translation>ضُبطت عبارة مرور إكراه. استعمالها يُتلف هذه الخزنة أيضاً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="167"/>
        <source>A duress passphrase is set.</source>
        <translation>ضُبطت عبارة مرور إكراه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="190"/>
        <source>Duress passphrase removed.</source>
        <translation>أُزيلت عبارة مرور الإكراه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/duress.py" line="193"/>
        <source>Duress passphrase set. Lock Haven and unlock with it to write in the decoy journal.</source>
        <translation>ضُبطت عبارة مرور الإكراه. اقفل Haven وافتحه بها لتكتب في اليوميات التمويهية.</translation>
    </message>
</context>
<context>
    <name>EditPostDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="32"/>
        <source>Edit your reply</source>
        <translation>عدّل ردّك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="32"/>
        <source>Edit your post</source>
        <translation>عدّل منشورك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="42"/>
        <source>&amp;Save</source>
        <translation>احفظ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="42"/>
        <source>Save the changes</source>
        <translation>احفظ التعديلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="47"/>
        <source>Everyone in the space sees that the post was edited, and the new text.</source>
        <translation>يرى الجميع في المساحة أن المنشور عُدِّل، ويرون النص الجديد.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="54"/>
        <source>Title (optional)</source>
        <extracomment>Share to a space… (a copy, after a dialog: journal/share_dialog.py)</extracomment>
        <translation>العنوان (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="55"/>
        <source>Entry title</source>
        <translation>عنوان التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="58"/>
        <source>Write here. Markdown is welcome.</source>
        <translation>اكتب هنا. يمكنك استخدام Markdown.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="59"/>
        <source>Entry text</source>
        <translation>نص التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="60"/>
        <source>Plain text; Markdown formatting is kept</source>
        <translation>نص عادي؛ يُحفظ تنسيق Markdown كما هو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="62"/>
        <source>Mood</source>
        <translation>المزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="63"/>
        <source>No mood</source>
        <translation>بلا مزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="67"/>
        <source>e.g. family, coming-out</source>
        <translation>مثلًا: عائلة، إفصاح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="68"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="69"/>
        <source>Separate tags with commas or spaces</source>
        <translation>افصل بين الوسوم بفواصل أو مسافات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="73"/>
        <source>&amp;Save</source>
        <translation>حفظ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="74"/>
        <source>Save entry</source>
        <translation>حفظ التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="75"/>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="76"/>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="77"/>
        <source>Delete entry</source>
        <translation>حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="78"/>
        <source>Share to a space…</source>
        <translation>شارك في مساحة…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="79"/>
        <source>Share a copy of this entry to a space</source>
        <translation>شارك نسخة من هذا الإدخال في مساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="80"/>
        <source>&amp;New entry</source>
        <translation>تدوينة جديدة (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="81"/>
        <location filename="../../src/haven/ui/journal/editor.py" line="117"/>
        <source>New entry</source>
        <translation>تدوينة جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="82"/>
        <source>New entry (Ctrl+N)</source>
        <translation>تدوينة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="85"/>
        <source>&amp;Title</source>
        <translation>العنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="86"/>
        <source>&amp;Mood</source>
        <translation>المزاج (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="87"/>
        <source>Ta&amp;gs</source>
        <translation>الوسوم (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="131"/>
        <source>Edit entry</source>
        <translation>تعديل التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/editor.py" line="162"/>
        <source>Write something first: an entry needs some text.</source>
        <translation>اكتب شيئًا أولًا: التدوينة تحتاج إلى نص.</translation>
    </message>
</context>
<context>
    <name>ErrorGuard</name>
    <message>
        <location filename="../../src/haven/ui/error_guard.py" line="68"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ ما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/error_guard.py" line="72"/>
        <source>Something inside Haven went wrong. What you have already saved is safe. If this happens again, lock Haven and open it again.</source>
        <translation>حدث خطأ ما داخل Haven. ما حفظته من قبل آمن. إن تكرّر هذا، اقفل Haven ثم افتحه من جديد.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="54"/>
        <source>Events, upcoming first</source>
        <extracomment>event id, answer ("going", "maybe" or "no") an admin asked for the "New event…" dialog an organiser selected their event: read its guest list (event id) event id, member key</extracomment>
        <translation>الفعاليات، القادمة أولًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="57"/>
        <source>No events in this space yet.</source>
        <translation>لا توجد فعاليات في هذه المساحة بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="58"/>
        <source>Ne&amp;w event…</source>
        <translation>فعالية جديدة (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="59"/>
        <source>Create a new event</source>
        <translation>أنشئ فعالية جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="68"/>
        <source>Event details</source>
        <translation>تفاصيل الفعالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="69"/>
        <source>&amp;Going</source>
        <translation>سأحضر (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="70"/>
        <source>Answer: going</source>
        <translation>الرد: سأحضر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="71"/>
        <source>Ma&amp;ybe</source>
        <translation>ربما (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="72"/>
        <source>Answer: maybe</source>
        <translation>الرد: ربما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="73"/>
        <source>Can'&amp;t go</source>
        <translation>لا أستطيع الحضور (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="74"/>
        <source>Answer: can't go</source>
        <translation>الرد: لا أستطيع الحضور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="78"/>
        <source>Only the organisers see your answer and your note.</source>
        <translation>لا يرى ردّك وملاحظتك إلا المنظّمون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="81"/>
        <source>Guest list (only organisers see it)</source>
        <translation>قائمة الضيوف (لا يراها إلا المنظّمون)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="83"/>
        <source>Guest list, only organisers see it</source>
        <translation>قائمة الضيوف، لا يراها إلا المنظّمون</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="84"/>
        <source>Appro&amp;ve guest</source>
        <translation>وافق على الضيف (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="85"/>
        <source>Approve the selected guest</source>
        <translation>وافق على الضيف المحدّد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="153"/>
        <source>%1 — %2 (cancelled)</source>
        <translation>%1 — %2 (أُلغيت)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="155"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="186"/>
        <source>This event was cancelled.</source>
        <translation>أُلغيت هذه الفعالية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="189"/>
        <source>%1 to %2</source>
        <translation>من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="190"/>
        <source>When: %1</source>
        <translation>الموعد: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="192"/>
        <source>Every week, %Ln times</source>
        <translation>
            <numerusform>كل أسبوع، %Ln مرة</numerusform>
            <numerusform>كل أسبوع، مرة واحدة</numerusform>
            <numerusform>كل أسبوع، مرتين</numerusform>
            <numerusform>كل أسبوع، %Ln مرات</numerusform>
            <numerusform>كل أسبوع، %Ln مرة</numerusform>
            <numerusform>كل أسبوع، %Ln مرة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="194"/>
        <source>Every month, %Ln times</source>
        <translation>
            <numerusform>كل شهر، %Ln مرة</numerusform>
            <numerusform>كل شهر، مرة واحدة</numerusform>
            <numerusform>كل شهر، مرتين</numerusform>
            <numerusform>كل شهر، %Ln مرات</numerusform>
            <numerusform>كل شهر، %Ln مرة</numerusform>
            <numerusform>كل شهر، %Ln مرة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="196"/>
        <source>In person</source>
        <translation>حضوريًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="197"/>
        <source>Online</source>
        <translation>عبر الإنترنت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="198"/>
        <source>In person and online</source>
        <translation>حضوريًا وعبر الإنترنت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="202"/>
        <source>Organisers: %1</source>
        <translation>المنظّمون: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="204"/>
        <source>Place: %1</source>
        <translation>المكان: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="207"/>
        <source>The place is revealed on %1 to people who have a place.</source>
        <translation>يُكشف المكان في %1 لمن لهم مقعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="212"/>
        <source>The place is revealed to people who have a place.</source>
        <translation>يُكشف المكان لمن لهم مقعد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="214"/>
        <source>%Ln people answered</source>
        <translation>
            <numerusform>ردّ %Ln شخص</numerusform>
            <numerusform>ردّ شخص واحد</numerusform>
            <numerusform>ردّ شخصان</numerusform>
            <numerusform>ردّ %Ln أشخاص</numerusform>
            <numerusform>ردّ %Ln شخصًا</numerusform>
            <numerusform>ردّ %Ln شخص</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="216"/>
        <source>You are going.</source>
        <translation>ستحضر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="217"/>
        <source>You said maybe.</source>
        <translation>قلت ربما.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="218"/>
        <source>You can't go.</source>
        <translation>لا تستطيع الحضور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="223"/>
        <source>The organisers approved you.</source>
        <translation>وافق المنظّمون عليك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>going</source>
        <translation>سيحضر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>maybe</source>
        <translation>ربما</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="239"/>
        <source>can't go</source>
        <translation>لا يستطيع الحضور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="242"/>
        <source>+1</source>
        <translation>+1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="244"/>
        <source>approved</source>
        <translation>موافَق عليه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="245"/>
        <source>has a place</source>
        <translation>له مقعد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="245"/>
        <source>no place</source>
        <translation>بلا مقعد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="247"/>
        <source>no longer a member</source>
        <translation>لم يعد عضوًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="249"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="253"/>
        <source>%1 — note: %2</source>
        <translation>%1 — ملاحظة: %2</translation>
    </message>
</context>
<context>
    <name>FeedTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="59"/>
        <source>Threads</source>
        <translation>المواضيع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="61"/>
        <source>Pinned first, then newest first; press Enter to read one</source>
        <translation>المثبّت أولًا ثم الأحدث؛ اضغط Enter لقراءة موضوع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="63"/>
        <source>No posts yet. Write the first one below.</source>
        <translation>لا منشورات بعد. اكتب أول منشور في الأسفل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="68"/>
        <source>Posts hidden by your mute words</source>
        <translation>منشورات مخفية بكلماتك المكتومة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="76"/>
        <source>Show &amp;older posts</source>
        <translation>اعرض المنشورات الأقدم (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="77"/>
        <source>Show older posts</source>
        <translation>اعرض المنشورات الأقدم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="135"/>
        <source>Showing %Ln post(s) your mute words hide — hide them</source>
        <translation>
            <numerusform>تُعرض %Ln منشورات تخفيها كلماتك المكتومة — أخفِها</numerusform>
            <numerusform>يُعرض منشور واحد تخفيه كلماتك المكتومة — أخفِه</numerusform>
            <numerusform>يُعرض منشوران تخفيهما كلماتك المكتومة — أخفِهما</numerusform>
            <numerusform>تُعرض %Ln منشورات تخفيها كلماتك المكتومة — أخفِها</numerusform>
            <numerusform>يُعرض %Ln منشوراً تخفيها كلماتك المكتومة — أخفِها</numerusform>
            <numerusform>يُعرض %Ln منشور تخفيها كلماتك المكتومة — أخفِها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="137"/>
        <source>%Ln post(s) hidden by your mute words — show</source>
        <translation>
            <numerusform>لا منشورات مخفية بكلماتك المكتومة — اعرضها</numerusform>
            <numerusform>منشور واحد مخفي بكلماتك المكتومة — اعرضه</numerusform>
            <numerusform>منشوران مخفيان بكلماتك المكتومة — اعرضهما</numerusform>
            <numerusform>%Ln منشورات مخفية بكلماتك المكتومة — اعرضها</numerusform>
            <numerusform>%Ln منشوراً مخفياً بكلماتك المكتومة — اعرضها</numerusform>
            <numerusform>%Ln منشور مخفي بكلماتك المكتومة — اعرضها</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="21"/>
        <source>Search your journal (Ctrl+F)</source>
        <translation>ابحث في يومياتك (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="22"/>
        <source>Search entries</source>
        <translation>البحث في التدوينات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="25"/>
        <source>Filter by tag</source>
        <translation>التصفية حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="27"/>
        <source>Filter by mood</source>
        <translation>التصفية حسب المزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="28"/>
        <source>Any mood</source>
        <translation>أي مزاج</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="42"/>
        <source>B&amp;y tag</source>
        <translation>حسب الوسم (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="42"/>
        <source>By m&amp;ood</source>
        <translation>حسب المزاج (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/filter_bar.py" line="58"/>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
</context>
<context>
    <name>GoingExport</name>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="50"/>
        <source>Export my events</source>
        <translation>صدّر فعالياتي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="51"/>
        <source>Export my events as a calendar file</source>
        <translation>صدّر فعالياتي في ملف تقويم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="54"/>
        <source>The calendar file is NOT encrypted: anyone who can open it sees the events you are going to, when they are and in which spaces. Keep it somewhere safe and delete it when you no longer need it.</source>
        <translation>ملف التقويم غير مشفّر: كل من يستطيع فتحه يرى الفعاليات التي ستحضرها، ومواعيدها، وفي أي مساحات هي. احفظه في مكان آمن واحذفه حين لا تعود بحاجة إليه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="59"/>
        <source>Include the &amp;places revealed to me</source>
        <translation>ضمّن الأماكن التي كُشفت لي (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="60"/>
        <source>Include the places revealed to me in the file</source>
        <translation>ضمّن الملف الأماكن التي كُشفت لي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="62"/>
        <source>&amp;Choose where to save…</source>
        <translation>اختر مكان الحفظ (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="63"/>
        <source>Choose where to save the calendar file</source>
        <translation>اختر مكان حفظ ملف التقويم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="64"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="65"/>
        <source>Cancel: write nothing</source>
        <translation>إلغاء: لا يُكتب شيء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="80"/>
        <source>Save the calendar file as</source>
        <translation>احفظ ملف التقويم باسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="82"/>
        <source>Calendar files (*.ics)</source>
        <translation>ملفات التقويم (*.ics)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="94"/>
        <source>Writing the calendar file…</source>
        <translation>تجري كتابة ملف التقويم…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/going_export.py" line="109"/>
        <source>Wrote %Ln event(s) to %1 — outside the encrypted vault.</source>
        <translation>
            <numerusform>كُتب %1 بلا فعاليات — خارج الخزنة المشفّرة.</numerusform>
            <numerusform>كُتبت فعالية واحدة في %1 — خارج الخزنة المشفّرة.</numerusform>
            <numerusform>كُتبت فعاليتان في %1 — خارج الخزنة المشفّرة.</numerusform>
            <numerusform>كُتبت %Ln فعاليات في %1 — خارج الخزنة المشفّرة.</numerusform>
            <numerusform>كُتبت %Ln فعاليةً في %1 — خارج الخزنة المشفّرة.</numerusform>
            <numerusform>كُتبت %Ln فعالية في %1 — خارج الخزنة المشفّرة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/going_export.py" line="119"/>
        <source>Nothing was written: that file exists. Choose a new name.</source>
        <translation>لم يُكتب شيء: هذا الملف موجود من قبل. اختر اسمًا جديدًا.</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="105"/>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="125"/>
        <source>Hand over ownership</source>
        <translation>سلّم الملكية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="109"/>
        <source>The new owner can do everything you can now, including removing you. You stay in the space as an admin.</source>
        <translation>يستطيع المالك الجديد فعل كل ما تستطيعه الآن، بما في ذلك إزالتك. تبقى في المساحة مشرفًا إداريًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="115"/>
        <source>New owner</source>
        <translation>المالك الجديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="124"/>
        <source>New &amp;owner</source>
        <translation>المالك الجديد (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="125"/>
        <source>&amp;Hand over</source>
        <translation>سلّم (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/post_dialogs.py" line="129"/>
        <source>There is no other active member to hand over to.</source>
        <translation>لا يوجد عضو نشط آخر لتسليمه الملكية.</translation>
    </message>
</context>
<context>
    <name>HavenWindow</name>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="77"/>
        <source>Journal</source>
        <extracomment>Quick exit happened (window hidden, vault locked). `run_app` quits on it. The language changed and the person asked to restart: `run_app` locks, then builds a new window in the new language. Open the vault in this folder (a restored backup): `run_app` locks, gives up the current folder's claim and builds a new window there.</extracomment>
        <translation>اليوميات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="78"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="79"/>
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="81"/>
        <location filename="../../src/haven/ui/main_window.py" line="364"/>
        <source>Spaces</source>
        <translation>المساحات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="84"/>
        <source>Upcoming</source>
        <translation>القادمة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="86"/>
        <location filename="../../src/haven/ui/main_window.py" line="368"/>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="328"/>
        <source>Back up what still opens now (Settings, Back up my vault), then restore your most recent backup into a new folder (Restore a backup, in Settings or on the unlock page) to recover the rest.</source>
        <translation>انسخ احتياطياً ما زال يُفتح الآن (الإعدادات، انسخ خزنتي احتياطياً)، ثم استعِد أحدث نسخة احتياطية لديك في مجلد جديد (استعِد نسخة احتياطية، في الإعدادات أو في صفحة فتح القفل) لتسترجع الباقي.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="367"/>
        <source>Messages, %Ln unread</source>
        <translation>
            <numerusform>الرسائل، لا جديد</numerusform>
            <numerusform>الرسائل، رسالة واحدة غير مقروءة</numerusform>
            <numerusform>الرسائل، رسالتان غير مقروءتين</numerusform>
            <numerusform>الرسائل، %Ln رسائل غير مقروءة</numerusform>
            <numerusform>الرسائل، %Ln رسالةً غير مقروءة</numerusform>
            <numerusform>الرسائل، %Ln رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="181"/>
        <source>Haven</source>
        <translation>Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="301"/>
        <source>Signed in as %1</source>
        <translation>مسجَّل باسم %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/main_window.py" line="317"/>
        <source>Your vault is damaged</source>
        <translation>خزنتك متضررة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="320"/>
        <source>Haven found %Ln damaged page(s) in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</source>
        <translation>
            <numerusform>لم يجد Haven أي صفحة متضررة في خزنتك.</numerusform>
            <numerusform>وجد Haven صفحة متضررة في خزنتك: خطأ في القرص، أو تغيّر الملف. ما يُفتح سليم؛ أما ما كان في تلك الصفحة فلا يمكن قراءته.</numerusform>
            <numerusform>وجد Haven صفحتين متضررتين في خزنتك: خطأ في القرص، أو تغيّر الملف. ما يُفتح سليم؛ أما ما كان في هاتين الصفحتين فلا يمكن قراءته.</numerusform>
            <numerusform>وجد Haven %Ln صفحات متضررة في خزنتك: خطأ في القرص، أو تغيّر الملف. ما يُفتح سليم؛ أما ما كان في تلك الصفحات فلا يمكن قراءته.</numerusform>
            <numerusform>وجد Haven %Ln صفحة متضررة في خزنتك: خطأ في القرص، أو تغيّر الملف. ما يُفتح سليم؛ أما ما كان في تلك الصفحات فلا يمكن قراءته.</numerusform>
            <numerusform>وجد Haven %Ln صفحة متضررة في خزنتك: خطأ في القرص، أو تغيّر الملف. ما يُفتح سليم؛ أما ما كان في تلك الصفحات فلا يمكن قراءته.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="363"/>
        <source>Spaces, %Ln unread</source>
        <translation>
            <numerusform>المساحات، لا جديد</numerusform>
            <numerusform>المساحات، منشور واحد غير مقروء</numerusform>
            <numerusform>المساحات، منشوران غير مقروءين</numerusform>
            <numerusform>المساحات، %Ln منشورات غير مقروءة</numerusform>
            <numerusform>المساحات، %Ln منشورًا غير مقروء</numerusform>
            <numerusform>المساحات، %Ln منشور غير مقروء</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="33"/>
        <source>Get help now</source>
        <translation>احصل على المساعدة الآن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="36"/>
        <source>If you are in danger now, call the emergency number. These services listen without judging; many are free and confidential.</source>
        <translation>إن كنت في خطر الآن، فاتصل برقم الطوارئ. هذه الخدمات تستمع دون أحكام، وكثير منها مجاني وسري.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="42"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="46"/>
        <source>Services in this country</source>
        <translation>الخدمات في هذا البلد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="50"/>
        <source>&amp;Back</source>
        <translation>رجوع (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="51"/>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="52"/>
        <source>Show the &amp;introduction again</source>
        <translation>اعرض التعريف من جديد (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="53"/>
        <source>Show the introduction to Haven again</source>
        <translation>اعرض التعريف بـ Haven من جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="55"/>
        <source>&amp;Country</source>
        <translation>البلد (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="79"/>
        <source>The list of services is missing. In danger, call your emergency number.</source>
        <translation>قائمة الخدمات مفقودة. في حالة الخطر اتصل برقم الطوارئ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="105"/>
        <source>Emergency: %1</source>
        <translation>الطوارئ: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="109"/>
        <source>Call: %1</source>
        <translation>اتصال: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="111"/>
        <source>Text: %1</source>
        <translation>رسالة نصية: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="113"/>
        <source>Web: %1</source>
        <translation>الموقع: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="115"/>
        <source>Hours: %1</source>
        <translation>الأوقات: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="116"/>
        <source>checked %1</source>
        <translation>تم التحقق في %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/help_page.py" line="119"/>
        <source>%1 · source: %2</source>
        <translation>%1 · المصدر: %2</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="28"/>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="34"/>
        <source>&amp;Lock</source>
        <translation>قفل (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="35"/>
        <source>Lock Haven</source>
        <translation>قفل Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="36"/>
        <source>Lock (Ctrl+L); quick exit: Shift three times</source>
        <translation>قفل (Ctrl+L)؛ الخروج السريع: اضغط Shift ثلاث مرات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="41"/>
        <source>Get &amp;help now</source>
        <translation>احصل على المساعدة الآن (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/home_page.py" line="42"/>
        <source>Get help now: crisis lines and support</source>
        <translation>احصل على المساعدة الآن: خطوط الأزمات والدعم</translation>
    </message>
</context>
<context>
    <name>IntroductionDialog</name>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="40"/>
        <source>Welcome</source>
        <translation>أهلاً بك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="41"/>
        <source>Introduction to Haven</source>
        <translation>تعريف بـ Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="54"/>
        <source>S&amp;kip</source>
        <translation>تخطَّ (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="55"/>
        <source>Skip the introduction</source>
        <translation>تخطَّ التعريف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="56"/>
        <source>&amp;Back</source>
        <translation>رجوع (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="57"/>
        <source>Previous step</source>
        <translation>الخطوة السابقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="80"/>
        <source>A private place, on your computer</source>
        <translation>مكان خاص، على حاسوبك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="82"/>
        <source>Your journal and your spaces are encrypted on this computer. Nobody — no company, no server, no relay — can read them. Haven sends nothing about you anywhere and needs no email, phone number or real name.</source>
        <translation>يومياتك ومساحاتك مشفّرة على هذا الحاسوب. لا يستطيع أحد قراءتها — لا شركة ولا خادم ولا مُرحِّل. لا يرسل Haven شيئاً عنك إلى أي مكان، ولا يحتاج إلى بريد إلكتروني أو رقم هاتف أو اسم حقيقي.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="89"/>
        <source>Only you know your passphrase</source>
        <translation>وحدك تعرف عبارة مرورك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="91"/>
        <source>Your passphrase is the only key. If you forget it, nobody can open your vault — not even the people who make Haven. Keep it somewhere safe.</source>
        <translation>عبارة مرورك هي المفتاح الوحيد. إن نسيتها فلن يستطيع أحد فتح خزنتك — ولا حتى من يصنعون Haven. احفظها في مكان آمن.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="97"/>
        <source>Leave in a moment</source>
        <translation>اخرج في لحظة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="99"/>
        <source>Press Shift three times, or %1, to hide Haven and lock it at once. Ctrl+L locks without hiding, and Haven locks itself when you step away.</source>
        <translation>اضغط Shift ثلاث مرات، أو %1، لإخفاء Haven وقفله فوراً. ‏Ctrl+L يقفله دون إخفاء، ويقفل Haven نفسه حين تبتعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="105"/>
        <source>Keep a backup</source>
        <translation>احتفظ بنسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="107"/>
        <source>A lost or broken computer should not cost you your journal. Make an encrypted backup now and then and keep it somewhere safe; it opens only with your passphrase.</source>
        <translation>ضياع الحاسوب أو تعطّله يجب ألا يكلّفك يومياتك. أنشئ نسخة احتياطية مشفّرة من حين لآخر واحفظها في مكان آمن؛ لا تُفتح إلا بعبارة مرورك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="139"/>
        <source>&amp;Start</source>
        <translation>ابدأ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="139"/>
        <source>&amp;Next</source>
        <translation>التالي (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="141"/>
        <source>Close the introduction</source>
        <translation>أغلق التعريف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="141"/>
        <source>Next step</source>
        <translation>الخطوة التالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/onboarding.py" line="144"/>
        <source>Step %1 of %2</source>
        <translation>الخطوة %1 من %2</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="38"/>
        <source>Invite someone</source>
        <translation>ادعُ شخصًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="42"/>
        <source>Give this code to one person you trust, in person or through a private channel. They will see the name and guidelines of %1 and can ask to join; you approve each request under Members before they can read anything.</source>
        <translation>أعطِ هذا الرمز لشخص واحد تثق به، وجهًا لوجه أو عبر قناة خاصة. سيرى اسم %1 وإرشاداتها ويمكنه طلب الانضمام؛ وأنت توافق على كل طلب في قسم الأعضاء قبل أن يتمكن من قراءة أي شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="54"/>
        <source>Invite code as words</source>
        <translation>رمز الدعوة كلماتٍ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="55"/>
        <source>&amp;Words</source>
        <translation>الكلمات (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="59"/>
        <source>Invite code to paste</source>
        <translation>رمز الدعوة للصق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="60"/>
        <source>Code to &amp;paste</source>
        <translation>رمز للصق (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="64"/>
        <source>&amp;Copy</source>
        <translation>انسخ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="65"/>
        <source>Copy the invite code</source>
        <translation>انسخ رمز الدعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="67"/>
        <source>Invite code as a QR image</source>
        <translation>رمز الدعوة صورةَ QR</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="75"/>
        <source>Route: through the relay %1. The code holds no address of yours or anyone's. You can close Haven: their request waits on the relay, and the Haven of any admin of this space picks it up.</source>
        <translation>المسار: عبر المُرحِّل %1. لا يحمل الرمز عنوانك ولا عنوان أحد. يمكنك إغلاق Haven: طلبه ينتظر على المُرحِّل، ويستلمه Haven أيّ مشرف في هذه المساحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="83"/>
        <source>Route: straight to this computer, for someone on your network. The code holds this computer's address; Haven must stay open and unlocked here so the person can reach you.</source>
        <translation>المسار: مباشرة إلى هذا الحاسوب، لشخص على شبكتك. يحمل الرمز عنوان هذا الحاسوب؛ يجب أن يبقى Haven مفتوحاً وغير مقفل هنا ليصل إليك الشخص.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="90"/>
        <source>The code works once, until %1.</source>
        <translation>يصلح الرمز مرة واحدة، حتى الساعة %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="93"/>
        <source>Close</source>
        <translation>أغلق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="94"/>
        <source>Close the invite</source>
        <translation>أغلق الدعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_dialog.py" line="118"/>
        <source>Code copied. It leaves the clipboard in a minute, or when Haven locks.</source>
        <translation>نُسخ الرمز. سيُزال من الحافظة بعد دقيقة، أو عند قفل Haven.</translation>
    </message>
</context>
<context>
    <name>InviteRouteDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="47"/>
        <source>How will they join?</source>
        <translation>كيف سينضمّ؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="49"/>
        <source>From &amp;anywhere (recommended)</source>
        <translation>من أي مكان (مستحسن) (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="51"/>
        <source>Works wherever they are, even when your computer is off. The code goes through your space's relay and holds no address of yours.</source>
        <translation>يعمل أينما كان، حتى وحاسوبك مطفأ. يمرّ الرمز عبر مُرحِّل مساحتك ولا يحمل أيّ عنوان لك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="54"/>
        <source>Only &amp;nearby, on this network</source>
        <translation>بالقرب فقط، على هذه الشبكة (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="56"/>
        <source>For someone on the same Wi-Fi or network as this computer right now. Haven must stay open here until they join. The code holds this computer's network address.</source>
        <translation>لشخص على شبكة Wi-Fi نفسها أو الشبكة نفسها التي عليها هذا الحاسوب الآن. يجب أن يبقى Haven مفتوحاً هنا حتى ينضمّ. يحمل الرمز عنوان هذا الحاسوب على الشبكة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="60"/>
        <source>Where is the person you are inviting?</source>
        <translation>أين الشخص الذي تدعوه؟</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="79"/>
        <source>&amp;Make the code</source>
        <translation>أنشئ الرمز (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="80"/>
        <source>Make the invite code</source>
        <translation>أنشئ رمز الدعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="83"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="84"/>
        <source>Cancel the invite</source>
        <translation>ألغِ الدعوة</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="99"/>
        <source>Join a space</source>
        <extracomment>False for a denial that another admin's approval at the same moment may still undo (the request's keys stay until `final_at_ms`). The space joined (its id).</extracomment>
        <translation>انضم إلى مساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="102"/>
        <source>Invite code</source>
        <translation>رمز الدعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="103"/>
        <source>Paste the code, or type its words</source>
        <translation>الصق الرمز أو اكتب كلماته</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="105"/>
        <source>&amp;Look up</source>
        <translation>ابحث (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="106"/>
        <source>Look up the invite code</source>
        <translation>ابحث عن رمز الدعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="112"/>
        <source>The space's guidelines</source>
        <translation>إرشادات المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="113"/>
        <source>I &amp;accept these guidelines</source>
        <translation>أقبل هذه الإرشادات (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="114"/>
        <source>Accept the guidelines</source>
        <translation>اقبل الإرشادات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="117"/>
        <source>Your name in this space</source>
        <translation>اسمك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="120"/>
        <source>Your pronouns in this space</source>
        <translation>ضمائرك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="121"/>
        <source>As&amp;k to join</source>
        <translation>اطلب الانضمام (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="122"/>
        <source>Send the join request</source>
        <translation>أرسل طلب الانضمام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="123"/>
        <source>Check a&amp;gain</source>
        <translation>تحقق مجددًا (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="124"/>
        <source>Ask whether an admin answered</source>
        <translation>اسأل إن كان مدير قد أجاب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="128"/>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="129"/>
        <source>Close</source>
        <translation>أغلق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="135"/>
        <source>&amp;Name here</source>
        <translation>الاسم هنا (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="136"/>
        <source>&amp;Pronouns</source>
        <translation>الضمائر (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="189"/>
        <source>That is not a whole Haven invite code. Check it against what you were given (a mistyped word is caught).</source>
        <translation>هذا ليس رمز دعوة Haven كاملًا. قارنه بما أُعطيت (يُكتشف أي خطأ في كتابة كلمة).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="197"/>
        <source>You already asked to join with this code.</source>
        <translation>طلبت الانضمام بهذا الرمز من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="201"/>
        <source>This invite code has expired. Ask for a new one.</source>
        <translation>انتهت صلاحية رمز الدعوة. اطلب رمزًا جديدًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="210"/>
        <source>Reading the invite on the relay…</source>
        <translation>تجري قراءة الدعوة على المُرحِّل…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="216"/>
        <source>Asking the person who invited you…</source>
        <translation>نسأل الشخص الذي دعاك…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="228"/>
        <source>(No guidelines written.)</source>
        <translation>(لا إرشادات مكتوبة.)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="232"/>
        <source>Read the guidelines. If you accept them, choose the name this space will know you by and ask to join.</source>
        <translation>اقرأ الإرشادات. إن قبلتها، اختر الاسم الذي ستعرفك به هذه المساحة واطلب الانضمام.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="253"/>
        <source>Leaving your request on the relay…</source>
        <translation>يجري ترك طلبك على المُرحِّل…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="261"/>
        <source>Sending your request…</source>
        <translation>نرسل طلبك…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="275"/>
        <source>Looking for an answer on the relay…</source>
        <translation>يجري البحث عن ردّ على المُرحِّل…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="282"/>
        <source>Asking whether an admin answered…</source>
        <translation>نسأل إن كان مدير قد أجاب…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="291"/>
        <source>An admin declined your request. If another admin lets you in at the same time, you still join: Haven keeps your request until %1.</source>
        <translation>رفض أحد المشرفين طلبك. إن سمح لك مشرف آخر بالدخول في الوقت نفسه فستنضمّ مع ذلك: يحتفظ Haven بطلبك حتى %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="298"/>
        <source>Waiting for an admin. Your request waits on the relay; you can close this window or Haven, and Haven collects the answer when it syncs.</source>
        <translation>بانتظار مشرف. طلبك ينتظر على المُرحِّل؛ يمكنك إغلاق هذه النافذة أو Haven، وسيستلم Haven الردّ عند المزامنة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="305"/>
        <source>Your request was sent. An admin needs to approve it; press “Check again” later.</source>
        <translation>أُرسل طلبك. يجب أن يوافق عليه مدير؛ اضغط «تحقق مجددًا» لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="312"/>
        <source>Declined: an admin turned your request down. The keys made for it were deleted.</source>
        <translation>رُفض: رفض مشرف طلبك. حُذفت المفاتيح التي أُنشئت له.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="318"/>
        <source>Expired: nobody answered before the code ran out. Ask for a new one.</source>
        <translation>انتهت المهلة: لم يردّ أحد قبل انتهاء صلاحية الرمز. اطلب رمزاً جديداً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="324"/>
        <source>The invite was withdrawn or used up before an answer. Ask for a new one.</source>
        <translation>سُحبت الدعوة أو استُنفدت قبل الردّ. اطلب دعوة جديدة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="327"/>
        <source>Approved — fetching the space. You joined it.</source>
        <translation>قُبلت — يجري جلب المساحة. انضممت إليها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="330"/>
        <source>You joined the space.</source>
        <translation>انضممت إلى المساحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="130"/>
        <source>This invite is no longer valid: it expired, was used up or was withdrawn. Ask for a new one. Nothing was kept.</source>
        <translation>لم تعد هذه الدعوة صالحة: انتهت أو استُنفدت أو سُحبت. اطلب دعوة جديدة. لم يُحتفظ بشيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/join_dialog.py" line="376"/>
        <source>Haven cannot reach the person who invited you. Their Haven needs to be open and unlocked, on a network you can reach. Try again later.</source>
        <translation>لا يستطيع Haven الوصول إلى الشخص الذي دعاك. يجب أن يكون Haven لديه مفتوحًا وغير مقفل، على شبكة تصل إليها. حاول لاحقًا.</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="47"/>
        <source>Journal entries</source>
        <translation>تدوينات اليوميات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="48"/>
        <source>Newest first; press Enter to open one</source>
        <translation>الأحدث أولًا؛ اضغط Enter لفتح تدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="59"/>
        <source>Journal sync status</source>
        <translation>حالة مزامنة اليوميات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="186"/>
        <source>Saved.</source>
        <translation>حُفظت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="192"/>
        <source>Delete entry</source>
        <translation>حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="193"/>
        <source>Delete this entry? This cannot be undone.</source>
        <translation>أتريد حذف هذه التدوينة؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="198"/>
        <source>Confirm deleting the entry</source>
        <translation>تأكيد حذف التدوينة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="210"/>
        <source>Deleted.</source>
        <translation>حُذفت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="219"/>
        <source>A copy was posted in the space.</source>
        <translation>نُشرت نسخة في المساحة.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="281"/>
        <source>%Ln or more entries</source>
        <translation>
            <numerusform>%Ln مدخلة أو أكثر</numerusform>
            <numerusform>مدخلة واحدة أو أكثر</numerusform>
            <numerusform>مدخلتان أو أكثر</numerusform>
            <numerusform>%Ln مدخلات أو أكثر</numerusform>
            <numerusform>%Ln مدخلة أو أكثر</numerusform>
            <numerusform>%Ln مدخلة أو أكثر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="283"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>لا تدوينات</numerusform>
            <numerusform>تدوينة واحدة</numerusform>
            <numerusform>تدوينتان</numerusform>
            <numerusform>%Ln تدوينات</numerusform>
            <numerusform>%Ln تدوينة</numerusform>
            <numerusform>%Ln تدوينة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="298"/>
        <source>Nothing found</source>
        <translation>لم يُعثر على شيء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="299"/>
        <source>No entry matches this search. Try other words, or clear it.</source>
        <translation>لا إدخال يطابق هذا البحث. جرّب كلمات أخرى، أو امسحه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="301"/>
        <source>&amp;Clear the search</source>
        <translation>امسح البحث (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="305"/>
        <source>Your journal is waiting</source>
        <translation>يومياتك بانتظارك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="307"/>
        <source>This page is yours alone: write whatever is on your mind. Only your passphrase opens it.</source>
        <translation>هذه الصفحة لك وحدك: اكتب ما يدور في بالك. لا يفتحها إلا عبارة مرورك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/journal_page.py" line="311"/>
        <source>&amp;Write your first entry</source>
        <translation>اكتب إدخالك الأول (&amp;W)</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="21"/>
        <source>Language</source>
        <extracomment>"Restart now" was pressed: the window locks and is built again in the new language.</extracomment>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="24"/>
        <source>Language of the app</source>
        <translation>لغة التطبيق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="25"/>
        <source>Same as the system</source>
        <translation>مثل النظام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="29"/>
        <source>&amp;Restart now</source>
        <translation>أعد التشغيل الآن (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="30"/>
        <source>Restart Haven in the chosen language</source>
        <translation>أعد تشغيل Haven باللغة المختارة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="32"/>
        <source>Locks your vault first; unlock it again after the restart.</source>
        <translation>يقفل خزنتك أولاً؛ افتحها من جديد بعد إعادة التشغيل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="40"/>
        <source>Lan&amp;guage</source>
        <translation>اللغة (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/language.py" line="55"/>
        <source>Haven will be in the chosen language after a restart. Restarting locks your vault; unlock it again afterwards.</source>
        <translation>سيظهر Haven باللغة المختارة بعد إعادة التشغيل. إعادة التشغيل تقفل خزنتك؛ افتحها من جديد بعدها.</translation>
    </message>
</context>
<context>
    <name>LinkDevicePage</name>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="54"/>
        <source>Link to my other device</source>
        <extracomment>The person wants to create a new vault instead.</extracomment>
        <translation>الربط بجهازي الآخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="57"/>
        <source>On your other device, open Haven, go to Devices and choose “Link a new device”. Type or paste the code it shows, and choose a passphrase for this computer.</source>
        <translation>على جهازك الآخر، افتح Haven وانتقل إلى «الأجهزة» واختر «ربط جهاز جديد». اكتب الرمز الذي يظهر أو الصقه، واختر عبارة مرور لهذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="63"/>
        <source>Pairing code</source>
        <translation>رمز الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="64"/>
        <source>hvn1-…, or a short code like 7-purple-sausages</source>
        <translation>hvn1-…، أو رمز قصير مثل 7-purple-sausages</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="67"/>
        <source>Relay of the short code</source>
        <translation>مُرحِّل الرمز القصير</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="69"/>
        <source>shown next to the short code, e.g. relay.example.org</source>
        <translation>يظهر بجانب الرمز القصير، مثلاً relay.example.org</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="72"/>
        <source>&amp;Relay</source>
        <translation>المُرحِّل (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="76"/>
        <source>Name of this device</source>
        <translation>اسم هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="77"/>
        <source>optional, e.g. laptop</source>
        <translation>اختياري، مثل: الحاسوب المحمول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="82"/>
        <source>&amp;Connect</source>
        <translation>اتصال (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="83"/>
        <source>Connect to my other device</source>
        <translation>الاتصال بجهازي الآخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="85"/>
        <source>&amp;Back</source>
        <translation>رجوع (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="86"/>
        <source>Back to creating a new vault</source>
        <translation>العودة إلى إنشاء خزنة جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="88"/>
        <source>Your other device shows four words. Continue only if they are exactly these:</source>
        <translation>يعرض جهازك الآخر أربع كلمات. تابع فقط إن كانت هي هذه الكلمات تمامًا:</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="92"/>
        <source>They &amp;match</source>
        <translation>متطابقة (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="93"/>
        <source>The words match</source>
        <translation>الكلمات متطابقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="94"/>
        <source>They &amp;don’t match</source>
        <translation>غير متطابقة (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="95"/>
        <source>The words do not match</source>
        <translation>الكلمات غير متطابقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="97"/>
        <source>Linking</source>
        <translation>جارٍ الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="100"/>
        <source>Pairing &amp;code</source>
        <translation>رمز الربط (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="102"/>
        <source>&amp;Name of this device</source>
        <translation>اسم هذا الجهاز (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="213"/>
        <source>Connecting to your other device…</source>
        <translation>جارٍ الاتصال بجهازك الآخر…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_page.py" line="233"/>
        <source>Receiving your journal keys…</source>
        <translation>جارٍ استلام مفاتيح يومياتك…</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="61"/>
        <source>Link a new device</source>
        <extracomment>A device was linked (its name); the Devices page refreshes.</extracomment>
        <translation>ربط جهاز جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="65"/>
        <source>On your other computer, open Haven and choose “Link to my other device”, then type or paste this code. Both computers need to be on the same network.</source>
        <translation>على حاسوبك الآخر، افتح Haven واختر «الربط بجهازي الآخر»، ثم اكتب هذا الرمز أو الصقه. يجب أن يكون الحاسوبان على الشبكة نفسها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="72"/>
        <source>Pairing code</source>
        <translation>رمز الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="73"/>
        <source>Making a code…</source>
        <translation>جارٍ إنشاء رمز…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="76"/>
        <source>&amp;Copy</source>
        <translation>نسخ (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="77"/>
        <source>Copy the pairing code</source>
        <translation>نسخ رمز الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="80"/>
        <source>Pairing code as a QR image</source>
        <translation>رمز الربط كصورة QR</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="86"/>
        <source>Your other computer now shows four words. Link only if they are exactly these:</source>
        <translation>يعرض حاسوبك الآخر الآن أربع كلمات. اربط فقط إن كانت هي هذه الكلمات تمامًا:</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="91"/>
        <source>They &amp;match</source>
        <translation>متطابقة (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="92"/>
        <source>The words match</source>
        <translation>الكلمات متطابقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="93"/>
        <source>They &amp;don’t match</source>
        <translation>غير متطابقة (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="94"/>
        <source>The words do not match</source>
        <translation>الكلمات غير متطابقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="99"/>
        <source>Cancel linking</source>
        <translation>إلغاء الربط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="101"/>
        <source>Show a &amp;short code to type instead</source>
        <translation>اعرض رمزاً قصيراً لكتابته بدلاً من ذلك (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="102"/>
        <source>Show a short code to type instead</source>
        <translation>اعرض رمزاً قصيراً لكتابته بدلاً من ذلك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="109"/>
        <source>Short code</source>
        <translation>الرمز القصير</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="114"/>
        <source>Relay for the short code</source>
        <translation>المُرحِّل للرمز القصير</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="185"/>
        <source>The code works once, until %1.</source>
        <translation>يصلح الرمز مرة واحدة، حتى الساعة %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="193"/>
        <source>Making a short code…</source>
        <translation>يجري إنشاء رمز قصير…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="203"/>
        <source>The relay could not make a short code right now; the code above works.</source>
        <translation>تعذّر على المُرحِّل إنشاء رمز قصير الآن؛ الرمز أعلاه يعمل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="208"/>
        <source>Or, on your other computer, choose “Link to my other device” and type this short code and relay. It works once: a wrong guess stops linking.</source>
        <translation>أو اختر على حاسوبك الآخر «اربط بجهازي الآخر» واكتب هذا الرمز القصير والمُرحِّل. يعمل مرة واحدة: أيّ تخمين خاطئ يوقف الربط.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="216"/>
        <source>Short code: %1</source>
        <translation>الرمز القصير: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="218"/>
        <source>Relay for the short code: %1</source>
        <translation>المُرحِّل للرمز القصير: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="233"/>
        <source>your new device</source>
        <translation>جهازك الجديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="234"/>
        <source>Linked %1. It now holds your journal.</source>
        <translation>رُبط %1. صارت يومياتك عليه الآن.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="250"/>
        <source>Sending your journal keys to the other device…</source>
        <translation>جارٍ إرسال مفاتيح يومياتك إلى الجهاز الآخر…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="256"/>
        <source>Code copied. It leaves the clipboard in a minute, or when Haven locks.</source>
        <translation>نُسخ الرمز. سيُزال من الحافظة بعد دقيقة، أو عند قفل Haven.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="275"/>
        <location filename="../../src/haven/ui/devices/link_dialog.py" line="276"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="20"/>
        <source>That is not a Haven pairing code. It starts with “hvn1-”.</source>
        <translation>هذا ليس رمز ربط من Haven. يبدأ الرمز بـ «hvn1-».</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="22"/>
        <source>The code is mistyped or incomplete. Check it against the other screen and try again.</source>
        <translation>في الرمز خطأ كتابي أو هو ناقص. قارنه بالشاشة الأخرى وحاول مجددًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="27"/>
        <source>This code has expired or was already used. Make a new one on your other device.</source>
        <translation>انتهت صلاحية هذا الرمز أو استُخدم من قبل. أنشئ رمزًا جديدًا على جهازك الآخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="32"/>
        <source>Haven cannot reach your other device. Both need to be on the same network, with Haven open on the Devices page.</source>
        <translation>لا يستطيع Haven الوصول إلى جهازك الآخر. يجب أن يكون الجهازان على الشبكة نفسها، وHaven مفتوح على صفحة «الأجهزة».</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="38"/>
        <source>Linking stopped because the words did not match. Nothing was shared.</source>
        <translation>توقف الربط لأن الكلمات غير متطابقة. لم تُشارَك أي بيانات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="42"/>
        <source>Your other device said the words did not match. Nothing was shared.</source>
        <translation>أفاد جهازك الآخر بأن الكلمات غير متطابقة. لم تُشارَك أي بيانات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="46"/>
        <source>The other device went away before linking finished. Nothing was shared; try again.</source>
        <translation>انقطع الجهاز الآخر قبل انتهاء الربط. لم تُشارَك أي بيانات؛ حاول مجددًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="51"/>
        <source>This computer already has a vault; nothing was changed.</source>
        <translation>على هذا الحاسوب خزنة من قبل؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="53"/>
        <source>The short code did not match, so linking stopped and nothing was shared. Make a new code on your other device.</source>
        <translation>لم يتطابق الرمز القصير، فتوقّف الربط ولم يُشارَك شيء. أنشئ رمزاً جديداً على جهازك الآخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="59"/>
        <source>Nobody is waiting with that short code on that relay. Check the number, the words and the relay, or make a new code on your other device.</source>
        <translation>لا أحد ينتظر بهذا الرمز القصير على ذلك المُرحِّل. تحقّق من الرقم والكلمات والمُرحِّل، أو أنشئ رمزاً جديداً على جهازك الآخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="65"/>
        <source>A short code needs the relay shown next to it, like relay.example.org. Type it in the Relay field.</source>
        <translation>يحتاج الرمز القصير إلى المُرحِّل الظاهر بجانبه، مثل relay.example.org. اكتبه في حقل المُرحِّل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="71"/>
        <source>Haven cannot reach that relay. Check its name and your connection, or use the long code instead.</source>
        <translation>لا يستطيع Haven الوصول إلى ذلك المُرحِّل. تحقّق من اسمه ومن اتصالك، أو استخدم الرمز الطويل بدلاً منه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="77"/>
        <source>Linking was cancelled. Nothing was shared.</source>
        <translation>أُلغي الربط. لم تُشارَك أي بيانات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/wording.py" line="78"/>
        <source>Linking did not work; nothing was changed. Try again.</source>
        <translation>لم ينجح الربط؛ لم يتغير شيء. حاول مجددًا.</translation>
    </message>
</context>
<context>
    <name>LookSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="18"/>
        <source>Privacy and appearance</source>
        <extracomment>Something changed: the window re-applies theme, font, title and auto-lock.</extracomment>
        <translation>الخصوصية والمظهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="22"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="23"/>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="24"/>
        <source>Lock after minutes without use</source>
        <translation>القفل بعد دقائق من عدم الاستخدام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="25"/>
        <source>0 means never</source>
        <translation>0 تعني أبدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="27"/>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="29"/>
        <source>Same as the system</source>
        <translation>مثل النظام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="30"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="31"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="32"/>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="36"/>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="39"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="40"/>
        <source>Dis&amp;creet mode: a neutral window title</source>
        <translation>الوضع المتحفّظ: عنوان نافذة محايد (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="41"/>
        <source>Discreet mode</source>
        <translation>الوضع المتحفّظ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="43"/>
        <source>The window is called Notes instead of Haven</source>
        <translation>تُسمّى النافذة «ملاحظات» بدلًا من Haven</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="45"/>
        <source>&amp;Auto-lock after</source>
        <translation>القفل التلقائي بعد (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="46"/>
        <source>&amp;Theme</source>
        <translation>المظهر (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/look.py" line="47"/>
        <source>Te&amp;xt size</source>
        <translation>حجم النص (&amp;X)</translation>
    </message>
</context>
<context>
    <name>MeTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="53"/>
        <source>The space's guidelines</source>
        <extracomment>name, pronouns, colour</extracomment>
        <translation>إرشادات المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="57"/>
        <source>Your name in this space</source>
        <translation>اسمك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="60"/>
        <source>Your pronouns in this space</source>
        <translation>ضمائرك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="62"/>
        <source>Your colour in this space</source>
        <translation>لونك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="65"/>
        <source>Colour %1</source>
        <translation>اللون %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="68"/>
        <source>Save your name in this space</source>
        <translation>احفظ اسمك في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="71"/>
        <source>Mute words, one per line</source>
        <translation>كلمات مكتومة، واحدة في كل سطر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="72"/>
        <source>One word or phrase per line</source>
        <translation>كلمة أو عبارة في كل سطر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="75"/>
        <source>Save the mute words</source>
        <translation>احفظ الكلمات المكتومة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="79"/>
        <source>Leave this space</source>
        <translation>غادر هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="67"/>
        <source>Sav&amp;e name</source>
        <translation>احفظ الاسم (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="74"/>
        <source>Save mu&amp;te words</source>
        <translation>احفظ الكلمات المكتومة (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="78"/>
        <source>Leave this spa&amp;ce…</source>
        <translation>غادر هذه المساحة (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="80"/>
        <source>Hand o&amp;ver ownership…</source>
        <translation>سلّم الملكية (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="82"/>
        <source>Hand over ownership of this space to another member</source>
        <translation>سلّم ملكية هذه المساحة إلى عضو آخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="87"/>
        <source>You in this space</source>
        <translation>أنت في هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="89"/>
        <source>Na&amp;me</source>
        <translation>الاسم (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="90"/>
        <source>&amp;Pronouns</source>
        <translation>الضمائر (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="91"/>
        <source>C&amp;olour</source>
        <translation>اللون (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="95"/>
        <source>Other spaces know you by another name and key, so nobody can link your memberships.</source>
        <translation>تعرفك المساحات الأخرى باسم ومفتاح آخرين، فلا يستطيع أحد الربط بين عضوياتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="101"/>
        <source>Mute words</source>
        <translation>الكلمات المكتومة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="103"/>
        <source>Posts containing these are hidden for you only.</source>
        <translation>المنشورات التي تحويها تُخفى عنك وحدك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="111"/>
        <source>Your membership</source>
        <translation>عضويتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="147"/>
        <source>No description.</source>
        <translation>لا وصف.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="150"/>
        <source>No guidelines yet.</source>
        <translation>لا إرشادات بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="169"/>
        <source>You are not a member of this space any more. What you read before stays on this computer, locked in your vault.</source>
        <translation>لم تعد عضوًا في هذه المساحة. ما قرأته من قبل يبقى على هذا الحاسوب، مقفلًا في خزنتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="174"/>
        <source>You own this space. If you leave, the highest-ranked member who joined first becomes its owner; to choose who, hand it over first.</source>
        <translation>أنت مالك هذه المساحة. إن غادرت، يصبح مالكها العضو الأعلى دورًا والأقدم انضمامًا؛ لتختار بنفسك، سلّم الملكية أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="178"/>
        <source>Leaving stops new posts reaching you; the others see that you left.</source>
        <translation>المغادرة توقف وصول المنشورات الجديدة إليك؛ ويرى الآخرون أنك غادرت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/me_tab.py" line="192"/>
        <source>Choose a name for this space.</source>
        <translation>اختر اسمًا لهذه المساحة.</translation>
    </message>
</context>
<context>
    <name>MediaSettingsBox</name>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="23"/>
        <source>Pictures and disappearing posts</source>
        <extracomment>attachment limit (bytes), disappearing timer (seconds, 0: off)</extracomment>
        <translation>الصور والمنشورات المختفية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="25"/>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="35"/>
        <source>Largest attachment</source>
        <translation>أكبر مرفق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="29"/>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="36"/>
        <source>Posts disappear after</source>
        <translation>تختفي المنشورات بعد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="31"/>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="32"/>
        <source>Save space settings</source>
        <translation>احفظ إعدادات المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/media_settings_box.py" line="33"/>
        <source>Save the space's attachment and timer settings</source>
        <translation>احفظ إعدادات المرفقات والمؤقت للمساحة</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="50"/>
        <source>Name</source>
        <extracomment>member key, role value</extracomment>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="51"/>
        <source>Pronouns</source>
        <translation>الضمائر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="52"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="53"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="54"/>
        <source>Check</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="66"/>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="69"/>
        <source>New role for the selected member</source>
        <translation>الدور الجديد للعضو المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="72"/>
        <source>Set &amp;role</source>
        <translation>عيّن الدور (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="73"/>
        <source>Give the selected member this role</source>
        <translation>امنح العضو المحدد هذا الدور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="74"/>
        <source>Remo&amp;ve from space…</source>
        <translation>أزل من المساحة (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="75"/>
        <source>Remove the selected member</source>
        <translation>أزل العضو المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="76"/>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="189"/>
        <source>Bloc&amp;k</source>
        <translation>احظر (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="79"/>
        <source>&amp;Message privately</source>
        <translation>راسِل على انفراد (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="81"/>
        <source>Start a private conversation with the selected member</source>
        <translation>ابدأ محادثة خاصة مع العضو المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="83"/>
        <source>The space's admins see nothing of it</source>
        <translation>لا يرى مديرو المساحة شيئاً منها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="189"/>
        <source>Unbloc&amp;k</source>
        <translation>ألغِ الحظر (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="77"/>
        <source>Block or unblock the selected member</source>
        <translation>احظر العضو المحدد أو ألغِ حظره</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="78"/>
        <source>Hides their posts for you only</source>
        <translation>يخفي منشوراته عنك وحدك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="85"/>
        <source>R&amp;ole</source>
        <translation>الدور (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="127"/>
        <source>%1 (you)</source>
        <translation>%1 (أنت)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="129"/>
        <source>%1 (blocked)</source>
        <translation>%1 (محظور)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="139"/>
        <source>Key fingerprint: %1</source>
        <translation>بصمة المفتاح: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="146"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>لا أعضاء</numerusform>
            <numerusform>عضو واحد</numerusform>
            <numerusform>عضوان</numerusform>
            <numerusform>%Ln أعضاء</numerusform>
            <numerusform>%Ln عضوًا</numerusform>
            <numerusform>%Ln عضو</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="30"/>
        <source>Choose a passphrase.</source>
        <translation>اختر عبارة مرور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="32"/>
        <source>This passphrase is too short: use at least 10 characters.</source>
        <translation>عبارة المرور هذه قصيرة جدًا: استخدم عشرة أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="34"/>
        <location filename="../../src/haven/ui/messages.py" line="83"/>
        <source>This passphrase is too easy to guess: add a few uncommon words.</source>
        <translation>يسهل تخمين عبارة المرور هذه: أضف بضع كلمات غير مألوفة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="37"/>
        <source>The two passphrases do not match.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="42"/>
        <source>Very weak</source>
        <translation>ضعيفة جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="43"/>
        <source>Weak</source>
        <translation>ضعيفة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="44"/>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="45"/>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="46"/>
        <source>Very strong</source>
        <translation>قوية جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="48"/>
        <source>Strength: %1</source>
        <translation>القوة: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="54"/>
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>عبارة المرور غير صحيحة. تحقّق منها وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="56"/>
        <source>Haven is already open in another window. Close it there first.</source>
        <translation>Haven مفتوح بالفعل في نافذة أخرى. أغلقه هناك أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="60"/>
        <source>The vault files are damaged (a disk error, or a file was changed), so Haven cannot open them. Nothing was changed. Restore your most recent backup into a new folder: haven restore FILE.</source>
        <translation>ملفات الخزنة تالفة (خطأ في القرص، أو تغيّر ملف)، فلا يستطيع Haven فتحها. لم يتغيّر شيء. استعِد أحدث نسخة احتياطية لديك في مجلد جديد: haven restore FILE.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="67"/>
        <source>There is no vault in this folder yet.</source>
        <translation>لا توجد خزنة في هذا المجلد بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="69"/>
        <source>A vault already exists in this folder; nothing was changed.</source>
        <translation>توجد خزنة في هذا المجلد بالفعل؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="73"/>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ؛ لم يُحفظ شيء. أفرغ بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="77"/>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="79"/>
        <source>Choose a different passphrase from the ones this vault already uses.</source>
        <translation>اختر عبارة مرور غير العبارات التي تستعملها هذه الخزنة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="87"/>
        <source>That entry no longer exists.</source>
        <translation>هذه التدوينة لم تعد موجودة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="89"/>
        <source>Some of what you typed cannot be saved. Check the title, text and tags.</source>
        <translation>تعذّر حفظ بعض ما كتبته. تحقّق من العنوان والنص والوسوم.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="92"/>
        <source>Something went wrong; nothing was changed.</source>
        <translation>حدث خطأ ما؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="98"/>
        <source>Very low</source>
        <translation>سيئ جدًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="99"/>
        <source>Low</source>
        <translation>سيئ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="100"/>
        <source>Okay</source>
        <translation>لا بأس</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="101"/>
        <source>Good</source>
        <translation>جيد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/messages.py" line="102"/>
        <source>Great</source>
        <translation>رائع</translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="37"/>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="39"/>
        <source>Reports</source>
        <extracomment>post id of the selected report</extracomment>
        <translation>البلاغات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="41"/>
        <source>&amp;Open the post</source>
        <translation>افتح المنشور (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="42"/>
        <source>Open the reported post in the feed</source>
        <translation>افتح المنشور المُبلّغ عنه في الموجز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="43"/>
        <source>Re&amp;move the post…</source>
        <translation>أزل المنشور (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="44"/>
        <source>Remove the reported post</source>
        <translation>أزل المنشور المُبلّغ عنه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="49"/>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="50"/>
        <source>Moderation log</source>
        <translation>سجل الإشراف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="76"/>
        <source>a post not loaded here</source>
        <translation>منشورًا غير محمّل هنا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="78"/>
        <source>(already removed or deleted)</source>
        <translation>(أزيل أو حُذف من قبل)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="83"/>
        <source>%1 reported %2: %3</source>
        <translation>أبلغ %1 عن %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="93"/>
        <source>Reports (%Ln)</source>
        <translation>
            <numerusform>البلاغات (%Ln)</numerusform>
            <numerusform>البلاغات (%Ln)</numerusform>
            <numerusform>البلاغات (%Ln)</numerusform>
            <numerusform>البلاغات (%Ln)</numerusform>
            <numerusform>البلاغات (%Ln)</numerusform>
            <numerusform>البلاغات (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="18"/>
        <source>Local network</source>
        <extracomment>The person turned LAN sync on or off (stored in the vault by the window).</extracomment>
        <translation>الشبكة المحلية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="19"/>
        <source>Sync with my devices on the local networ&amp;k</source>
        <translation>المزامنة مع أجهزتي على الشبكة المحلية (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="20"/>
        <source>Sync on the local network</source>
        <translation>المزامنة على الشبكة المحلية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="23"/>
        <source>Haven finds your linked devices on this network; the announcements carry no names. Kept in your vault, so it applies only while it is unlocked.</source>
        <translation>يجد Haven أجهزتك المرتبطة على هذه الشبكة؛ ولا تحمل الإعلانات أي أسماء. يُحفظ هذا الإعداد في خزنتك، فلا يسري إلا وهي مفتوحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="29"/>
        <source>Off until you link a device or join a space: nothing listens on the network.</source>
        <translation>متوقفة حتى تربط جهازًا أو تنضم إلى مساحة: لا شيء يستمع على الشبكة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/network.py" line="32"/>
        <source>Local network sync is off</source>
        <translation>المزامنة على الشبكة المحلية متوقفة</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="104"/>
        <source>Start a campaign</source>
        <translation>ابدأ حملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="106"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="108"/>
        <source>Kind of action</source>
        <translation>نوع الفعل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="111"/>
        <source>A petition to sign</source>
        <translation>عريضة للتوقيع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="111"/>
        <source>A letter to send</source>
        <translation>رسالة للإرسال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="112"/>
        <source>A day to show up</source>
        <translation>يوم للحضور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="112"/>
        <source>Something else</source>
        <translation>شيء آخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="116"/>
        <source>What to do</source>
        <translation>ما المطلوب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="117"/>
        <source>Where (a link or instructions)</source>
        <translation>أين (رابط أو تعليمات)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="118"/>
        <source>Date (optional)</source>
        <translation>التاريخ (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="122"/>
        <source>&amp;Title</source>
        <translation>العنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="123"/>
        <source>&amp;Kind</source>
        <translation>النوع (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="124"/>
        <source>&amp;What to do</source>
        <translation>ما المطلوب (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="125"/>
        <source>W&amp;here</source>
        <translation>أين (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="126"/>
        <source>&amp;Date</source>
        <translation>التاريخ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="127"/>
        <source>&amp;Start</source>
        <translation>ابدأ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="127"/>
        <source>Start the campaign</source>
        <translation>ابدأ الحملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="146"/>
        <source>Check what you typed: a title, what to do, and a date like 2027-03-31 or none.</source>
        <translation>راجع ما كتبت: عنوانًا، وما المطلوب، وتاريخًا مثل 2027-03-31 أو لا شيء.</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="68"/>
        <source>New event</source>
        <translation>فعالية جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="71"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="73"/>
        <source>Kind of event</source>
        <translation>نوع الفعالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>In person</source>
        <translation>حضوريًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>Online</source>
        <translation>عبر الإنترنت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="74"/>
        <source>In person and online</source>
        <translation>حضوريًا وعبر الإنترنت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="79"/>
        <source>Starts</source>
        <translation>تبدأ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="80"/>
        <source>Ends</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="82"/>
        <source>Time zone, such as Europe/London</source>
        <translation>المنطقة الزمنية، مثل Europe/London</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="84"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="86"/>
        <source>Place: address, room or call link (optional)</source>
        <translation>المكان: عنوان أو غرفة أو رابط مكالمة (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="87"/>
        <source>Place revealed from</source>
        <translation>يُكشف المكان ابتداءً من</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="90"/>
        <source>No limit</source>
        <translation>بلا حدّ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="91"/>
        <source>Places (0: no limit)</source>
        <translation>المقاعد (0: بلا حدّ)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="92"/>
        <source>Organisers a&amp;pprove each guest</source>
        <translation>يوافق المنظّمون على كل ضيف (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="93"/>
        <source>Organisers approve each guest</source>
        <translation>يوافق المنظّمون على كل ضيف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="99"/>
        <source>&amp;Title</source>
        <translation>العنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="100"/>
        <source>&amp;Kind</source>
        <translation>النوع (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="101"/>
        <source>&amp;Starts</source>
        <translation>تبدأ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="102"/>
        <source>E&amp;nds</source>
        <translation>تنتهي (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="103"/>
        <source>Time &amp;zone</source>
        <translation>المنطقة الزمنية (&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="104"/>
        <source>&amp;Description</source>
        <translation>الوصف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="105"/>
        <source>P&amp;lace</source>
        <translation>المكان (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="106"/>
        <source>&amp;Revealed from</source>
        <translation>يُكشف ابتداءً من (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="107"/>
        <source>Pla&amp;ces</source>
        <translation>المقاعد (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="112"/>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="113"/>
        <source>Create event</source>
        <translation>أنشئ الفعالية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="115"/>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="116"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="170"/>
        <source>Unknown time zone. Write a name such as Europe/London.</source>
        <translation>منطقة زمنية غير معروفة. اكتب اسمًا مثل Europe/London.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="173"/>
        <source>That time does not exist in this time zone: the clocks go forward then. Choose another time.</source>
        <translation>هذا الوقت غير موجود في هذه المنطقة الزمنية: تُقدَّم الساعة حينها. اختر وقتًا آخر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="177"/>
        <source>The event must end after it starts.</source>
        <translation>يجب أن تنتهي الفعالية بعد أن تبدأ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="179"/>
        <source>An event lasts at most 31 days. For longer, make it repeat.</source>
        <translation>تستمر الفعالية ٣١ يومًا على الأكثر. لمدة أطول، اجعلها تتكرر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="182"/>
        <source>Times must fall between the years %1 and %2.</source>
        <translation>يجب أن تقع الأوقات بين عامي %1 و%2.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="187"/>
        <source>Give the event a title.</source>
        <translation>أعطِ الفعالية عنوانًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="189"/>
        <source>The title is too long: at most %1 characters.</source>
        <translation>العنوان طويل جدًا: %1 حرفًا على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="192"/>
        <source>The description is too long: at most %1 characters.</source>
        <translation>الوصف طويل جدًا: %1 حرفًا على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/event_dialog.py" line="195"/>
        <source>The place is too long: at most %1 characters.</source>
        <translation>المكان طويل جدًا: %1 حرفًا على الأكثر.</translation>
    </message>
</context>
<context>
    <name>NewFundraiserDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="50"/>
        <source>Start a fundraiser</source>
        <translation>ابدأ حملة تبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="52"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="53"/>
        <source>Goal</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="53"/>
        <source>e.g. 500 or 499.50</source>
        <translation>مثلًا 500 أو 499.50</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="54"/>
        <source>Currency code</source>
        <translation>رمز العملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="55"/>
        <source>Deadline (optional)</source>
        <translation>الموعد النهائي (اختياري)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="56"/>
        <source>What it is for</source>
        <translation>الغرض منها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="57"/>
        <source>Where and how to give</source>
        <translation>أين وكيف يُتبرَّع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="59"/>
        <source>A link or instructions, in your words. Haven moves no money.</source>
        <translation>رابط أو تعليمات بكلماتك. لا ينقل Haven أي مال.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="64"/>
        <source>&amp;Title</source>
        <translation>العنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="65"/>
        <source>&amp;Goal</source>
        <translation>الهدف (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="66"/>
        <source>C&amp;urrency</source>
        <translation>العملة (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="67"/>
        <source>&amp;Deadline</source>
        <translation>الموعد النهائي (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="68"/>
        <source>&amp;What it is for</source>
        <translation>الغرض منها (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="69"/>
        <source>Where to gi&amp;ve</source>
        <translation>أين يُتبرَّع (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="70"/>
        <source>&amp;Start</source>
        <translation>ابدأ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="70"/>
        <source>Start the fundraiser</source>
        <translation>ابدأ حملة التبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/cause_dialogs.py" line="92"/>
        <source>Check what you typed: a title, a goal like 500 or 499.50, a currency code like EUR, a deadline like 2027-03-31 (or none), what it is for and where to give.</source>
        <translation>راجع ما كتبت: عنوانًا، وهدفًا مثل 500 أو 499.50، ورمز عملة مثل EUR، وموعدًا نهائيًا مثل 2027-03-31 (أو لا شيء)، والغرض، وأين يُتبرَّع.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="59"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="61"/>
        <source>At least 10 characters; a few uncommon words work well</source>
        <translation>عشرة أحرف على الأقل؛ بضع كلمات غير مألوفة تفي بالغرض</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="65"/>
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="74"/>
        <source>Pass&amp;phrase</source>
        <translation>عبارة المرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="75"/>
        <source>Passphrase &amp;again</source>
        <translation>عبارة المرور مرة أخرى (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="85"/>
        <source>Choose a passphrase of at least 10 characters.</source>
        <translation>اختر عبارة مرور من عشرة أحرف على الأقل.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="69"/>
        <location filename="../../src/haven/ui/pages/passphrase_dialog.py" line="70"/>
        <source>Cancel</source>
        <extracomment>the vault's passphrase, the new one ("" when none is asked), the subclass's choice</extracomment>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PictureDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="226"/>
        <source>No description was given.</source>
        <translation>لم يُعطَ وصف.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="229"/>
        <source>&amp;Save a copy…</source>
        <translation>احفظ نسخة (&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="230"/>
        <source>Save a copy of this picture</source>
        <translation>احفظ نسخة من هذه الصورة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="234"/>
        <source>Close the picture</source>
        <translation>أغلق الصورة</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="24"/>
        <source>Your name and this device</source>
        <extracomment>The main persona's name or pronouns changed (the window updates its header).</extracomment>
        <translation>اسمك وهذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="27"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="29"/>
        <source>Any name you like; it need not be your real one.</source>
        <translation>أي اسم تحبه؛ لا يلزم أن يكون اسمك الحقيقي.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="32"/>
        <source>Your pronouns</source>
        <translation>ضمائرك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="33"/>
        <source>optional, e.g. she/her, they/them</source>
        <translation>اختياري، مثلاً: هي، هو، هم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="34"/>
        <source>&amp;Save name</source>
        <translation>احفظ الاسم (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="35"/>
        <source>Save your name and pronouns</source>
        <translation>احفظ اسمك وضمائرك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="37"/>
        <source>This device's name</source>
        <translation>اسم هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="39"/>
        <source>e.g. Laptop</source>
        <translation>مثلاً: الحاسوب المحمول</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="40"/>
        <source>Save dev&amp;ice name</source>
        <translation>احفظ اسم الجهاز (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="41"/>
        <source>Save this device's name</source>
        <translation>احفظ اسم هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="44"/>
        <source>Your na&amp;me</source>
        <translation>اسمك (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="45"/>
        <source>Pro&amp;nouns</source>
        <translation>الضمائر (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="47"/>
        <source>This de&amp;vice</source>
        <translation>هذا الجهاز (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="91"/>
        <source>This changed on another device meanwhile; what you typed is kept until you save it.</source>
        <translation>تغيّر هذا على جهاز آخر في الأثناء؛ يبقى ما كتبته إلى أن تحفظه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="124"/>
        <source>Type a name first; it need not be your real one.</source>
        <translation>اكتب اسماً أولاً؛ لا يلزم أن يكون اسمك الحقيقي.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="134"/>
        <source>Saved. Your linked devices learn it when they sync; spaces keep the name you gave each of them.</source>
        <translation>حُفظ. ستعرفه أجهزتك المرتبطة عند المزامنة؛ وتحتفظ كل مساحة بالاسم الذي أعطيتها إياه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="150"/>
        <source>Saved. Your linked devices learn the new name.</source>
        <translation>حُفظ. ستعرف أجهزتك المرتبطة الاسم الجديد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/profile.py" line="156"/>
        <source>That name is too long or has characters Haven does not allow.</source>
        <translation>هذا الاسم طويل جداً أو فيه أحرف لا يسمح بها Haven.</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="38"/>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="62"/>
        <source>Prompt of the day</source>
        <translation>سؤال اليوم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="44"/>
        <source>Write a&amp;bout this</source>
        <translation>اكتب عن هذا (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/prompt_card.py" line="45"/>
        <source>Write about this prompt</source>
        <translation>اكتب عن سؤال اليوم</translation>
    </message>
</context>
<context>
    <name>ReactionsBar</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/reactions.py" line="44"/>
        <source>%1: %Ln reactions</source>
        <extracomment>kind, on</extracomment>
        <translation>
            <numerusform>%1: لا تفاعلات</numerusform>
            <numerusform>%1: تفاعل واحد</numerusform>
            <numerusform>%1: تفاعلان</numerusform>
            <numerusform>%1: %Ln تفاعلات</numerusform>
            <numerusform>%1: %Ln تفاعلًا</numerusform>
            <numerusform>%1: %Ln تفاعل</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reactions.py" line="46"/>
        <source>including yours</source>
        <translation>منها تفاعلك</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="136"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="138"/>
        <source>Also &amp;ban: they cannot be added again</source>
        <translation>احظره أيضًا: لا يمكن إضافته مجددًا (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="139"/>
        <source>Ban the member</source>
        <translation>احظر العضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="153"/>
        <source>Give a reason.</source>
        <translation>اذكر سببًا.</translation>
    </message>
</context>
<context>
    <name>RelayProxySection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="22"/>
        <source>Reaching relays</source>
        <translation>الوصول إلى المُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="25"/>
        <source>How to reach relays</source>
        <translation>طريقة الوصول إلى المُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="26"/>
        <source>Directly</source>
        <translation>مباشرةً</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="27"/>
        <source>Through Tor (the Tor service, port 9050)</source>
        <translation>عبر Tor (خدمة Tor، المنفذ 9050)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="28"/>
        <source>Through Tor Browser (port 9150)</source>
        <translation>عبر Tor Browser (المنفذ 9150)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="29"/>
        <source>Through another SOCKS5 proxy</source>
        <translation>عبر وكيل SOCKS5 آخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="31"/>
        <source>Address of the SOCKS5 proxy</source>
        <translation>عنوان وكيل SOCKS5</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="33"/>
        <source>Apply</source>
        <translation>طبّق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="34"/>
        <source>Reach relays this way</source>
        <translation>صِل إلى المُرحِّلات بهذه الطريقة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="35"/>
        <source>Reach relays</source>
        <translation>الوصول إلى المُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="36"/>
        <source>Proxy</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="40"/>
        <source>Through Tor, relays and the network see a Tor address instead of yours, and the relay's name is looked up by Tor. If Tor is not running, nothing is sent to relays (never directly). Sync with your devices on the local network and direct sync do not use Tor. A relay whose address ends in .onion works only through Tor.</source>
        <translation>عبر Tor، ترى المُرحِّلات والشبكة عنوان Tor بدلاً من عنوانك، ويتولّى Tor البحث عن اسم المُرحِّل. إن لم يكن Tor يعمل، فلا يُرسَل شيء إلى المُرحِّلات (ولا يُرسَل مباشرةً أبدًا). لا تستعمل Tor المزامنةُ مع أجهزتك على الشبكة المحلية ولا المزامنةُ المباشرة. المُرحِّل الذي ينتهي عنوانه بـ ‎.onion لا يعمل إلا عبر Tor.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="111"/>
        <source>Relays are now reached directly.</source>
        <extracomment>The vault's setting has been read since it opened (tests wait for it).</extracomment>
        <translation>يجري الآن الوصول إلى المُرحِّلات مباشرةً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="113"/>
        <source>Relays are now reached through %1.</source>
        <translation>يجري الآن الوصول إلى المُرحِّلات عبر %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relay_proxy.py" line="122"/>
        <source>Haven cannot use that proxy: it looks like socks5://127.0.0.1:9050 (an IP address or localhost, and a port).</source>
        <translation>لا يستطيع Haven استعمال هذا الوكيل: عنوان الوكيل يشبه socks5://127.0.0.1:9050 (عنوان IP أو localhost، ثم منفذ).</translation>
    </message>
</context>
<context>
    <name>RelaysSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="28"/>
        <source>Relays</source>
        <translation>المُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="33"/>
        <source>Relays of</source>
        <translation>مُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="35"/>
        <source>Relays in use</source>
        <translation>المُرحِّلات المستعملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="38"/>
        <source>Address of a relay to add</source>
        <translation>عنوان مُرحِّل لإضافته</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="40"/>
        <source>Add rela&amp;y</source>
        <translation>أضف المُرحِّل (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="41"/>
        <source>Add this relay</source>
        <translation>أضف هذا المُرحِّل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="42"/>
        <source>Rem&amp;ove relay</source>
        <translation>أزل المُرحِّل (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="43"/>
        <source>Remove the selected relay</source>
        <translation>أزل المُرحِّل المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="49"/>
        <source>Relays o&amp;f</source>
        <translation>مُرحِّلات (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="50"/>
        <source>In &amp;use</source>
        <translation>قيد الاستعمال (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="52"/>
        <source>Ne&amp;w relay</source>
        <translation>مُرحِّل جديد (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="53"/>
        <source>Only the space's admins can change its relays.</source>
        <translation>مشرفو المساحة وحدهم يستطيعون تغيير مُرحِّلاتها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="102"/>
        <source>Your journal and linked devices</source>
        <translation>يومياتك وأجهزتك المرتبطة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="145"/>
        <source>No relay: syncs only directly.</source>
        <translation>لا مُرحِّل: تتم المزامنة مباشرة فقط.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="157"/>
        <source>Relay added.</source>
        <translation>أُضيف المُرحِّل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="172"/>
        <source>Relay removed.</source>
        <translation>أُزيل المُرحِّل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="181"/>
        <source>Haven cannot use that address: a relay looks like wss://relay.example.org/ (at most 8 per space; only admins change a space's relays).</source>
        <translation>لا يستطيع Haven استعمال هذا العنوان: عنوان المُرحِّل يشبه wss://relay.example.org/ (ثمانية على الأكثر لكل مساحة؛ المشرفون وحدهم يغيّرون مُرحِّلات المساحة).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/relays.py" line="186"/>
        <source>That relay or space is no longer there; the list is up to date.</source>
        <translation>هذا المُرحِّل أو هذه المساحة لم يعودا موجودين؛ القائمة محدَّثة.</translation>
    </message>
</context>
<context>
    <name>RequestsBox</name>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="33"/>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="38"/>
        <source>Join requests</source>
        <translation>طلبات الانضمام</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="40"/>
        <source>A&amp;pprove</source>
        <translation>وافق (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="41"/>
        <source>Approve the selected request</source>
        <translation>وافق على الطلب المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="42"/>
        <source>Den&amp;y</source>
        <translation>ارفض (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="43"/>
        <source>Deny the selected request</source>
        <translation>ارفض الطلب المحدد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="65"/>
        <source>%1 asks to join · %2</source>
        <translation>%1 يطلب الانضمام · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="76"/>
        <source>Join requests (%Ln)</source>
        <translation>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
            <numerusform>طلبات الانضمام (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="57"/>
        <source>Restore a backup</source>
        <extracomment>The vault was restored into this folder.</extracomment>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="62"/>
        <source>A backup is restored into a new or empty folder, so nothing you have now is replaced. It opens with the passphrase it had when it was made.</source>
        <translation>تُستعاد النسخة الاحتياطية في مجلد جديد أو فارغ، فلا يُستبدل شيء مما لديك الآن. وتُفتح بعبارة المرور التي كانت لها عند إنشائها.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="68"/>
        <source>Backup file</source>
        <translation>ملف النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="69"/>
        <source>C&amp;hoose…</source>
        <translation>اختر (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="70"/>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="125"/>
        <source>Choose the backup file</source>
        <translation>اختر ملف النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="72"/>
        <source>New folder for the restored vault</source>
        <translation>مجلد جديد للخزنة المستعادة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="73"/>
        <source>Ch&amp;oose…</source>
        <translation>اختر (&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="74"/>
        <source>Choose the folder</source>
        <translation>اختر المجلد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="77"/>
        <source>Passphrase of the backup</source>
        <translation>عبارة مرور النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="80"/>
        <source>Restoring the backup</source>
        <translation>تجري استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="85"/>
        <source>&amp;Restore</source>
        <translation>استعِد (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="86"/>
        <source>Restore the backup</source>
        <translation>استعِد النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="88"/>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="89"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="92"/>
        <source>&amp;Backup file</source>
        <translation>ملف النسخة الاحتياطية (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="93"/>
        <source>&amp;Into the folder</source>
        <translation>في المجلد (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="94"/>
        <source>&amp;Passphrase</source>
        <translation>عبارة المرور (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="131"/>
        <source>Choose an empty folder</source>
        <translation>اختر مجلداً فارغاً</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="141"/>
        <source>Choose the backup file first.</source>
        <translation>اختر ملف النسخة الاحتياطية أولاً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="144"/>
        <source>Choose a new or empty folder for the restored vault.</source>
        <translation>اختر مجلداً جديداً أو فارغاً للخزنة المستعادة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="147"/>
        <source>Type the backup's passphrase.</source>
        <translation>اكتب عبارة مرور النسخة الاحتياطية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="171"/>
        <source>That folder already holds a vault: choose a new or empty folder.</source>
        <translation>في هذا المجلد خزنة من قبل: اختر مجلداً جديداً أو فارغاً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="174"/>
        <source>This file is not a Haven backup, or it is damaged. Nothing was restored.</source>
        <translation>هذا الملف ليس نسخة احتياطية من Haven، أو أنه تالف. لم يُستعد شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="178"/>
        <source>Nothing was restored: check that the backup file exists and that the folder is new or empty.</source>
        <translation>لم يُستعد شيء: تأكد من وجود ملف النسخة الاحتياطية ومن أن المجلد جديد أو فارغ.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="213"/>
        <source>Backup restored</source>
        <translation>استُعيدت النسخة الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="215"/>
        <source>Your backup was restored into %1.</source>
        <translation>استُعيدت نسختك الاحتياطية في %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="220"/>
        <source>Open it now? The vault open now is locked first, and Haven opens the restored one from then on. Both stay on this computer.</source>
        <translation>أتفتحها الآن؟ تُقفل الخزنة المفتوحة الآن أولاً، ثم يفتح Haven الخزنة المستعادة من ذلك الحين. تبقى الاثنتان على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="227"/>
        <source>&amp;Open it now</source>
        <translation>افتحها الآن (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/restore_dialog.py" line="231"/>
        <source>&amp;Later</source>
        <translation>لاحقاً (&amp;L)</translation>
    </message>
</context>
<context>
    <name>RevealBox</name>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="21"/>
        <source>&amp;Show passphrase</source>
        <translation>إظهار عبارة المرور (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="22"/>
        <source>Show the passphrase</source>
        <translation>إظهار عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/passphrase_fields.py" line="24"/>
        <source>Shows what you typed; make sure nobody can see your screen</source>
        <translation>يُظهر ما كتبته؛ تأكّد أن لا أحد يرى شاشتك</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="45"/>
        <source>Settings</source>
        <extracomment>Something changed: the window re-applies theme, font, title and auto-lock. The person turned LAN sync on or off (stored in the vault by the window). "Change passphrase…" was pressed (only while the vault is open). "Restore a backup…" was pressed. "Restart now" after choosing a language.</extracomment>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="63"/>
        <source>Quick exit: press Shift three times, or %1, to hide Haven and lock it at once. Ctrl+L locks without hiding.</source>
        <translation>الخروج السريع: اضغط Shift ثلاث مرات، أو %1، لإخفاء Haven وقفله فوراً. Ctrl+L يقفله دون إخفاء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings_page.py" line="72"/>
        <source>Haven %1. Free software under the GNU General Public License, version 3 or later. Haven never checks for updates and sends no telemetry.</source>
        <translation>Haven %1. برنامج حر مرخّص برخصة جنو العمومية العامة، الإصدار 3 أو أحدث. لا يبحث Haven عن تحديثات أبداً ولا يرسل أي بيانات قياس.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="54"/>
        <source>Share to a space</source>
        <extracomment>the new post's id, once posted</extracomment>
        <translation>المشاركة في مساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="70"/>
        <source>Space to share to</source>
        <extracomment>a read or the post is under way (its answer not yet shown)</extracomment>
        <translation>المساحة التي ستشارك فيها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="73"/>
        <source>Where in the space: the feed or a channel</source>
        <translation>أين في المساحة: الموجز أو قناة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="79"/>
        <source>Title of the copy</source>
        <translation>عنوان النسخة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="81"/>
        <source>Text of the copy</source>
        <translation>نص النسخة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="84"/>
        <source>Only this title and text are posted — not the entry's date, mood or tags, and nothing links the post to your journal. Everyone in the space can read and keep it; your entry stays private.</source>
        <translation>يُنشر هذا العنوان وهذا النص فقط — لا تاريخ الإدخال ولا مزاجه ولا وسومه، ولا شيء يربط المنشور بيومياتك. يستطيع كل من في المساحة قراءته والاحتفاظ به؛ ويبقى إدخالك خاصًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="92"/>
        <source>In a channel the title becomes the first line of the message.</source>
        <translation>في القناة يصبح العنوان السطر الأول من الرسالة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="99"/>
        <source>&amp;Post this copy</source>
        <translation>انشر هذه النسخة (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="100"/>
        <source>Post this copy in the space</source>
        <translation>انشر هذه النسخة في المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="104"/>
        <source>Cancel: share nothing</source>
        <translation>إلغاء: لا تشارك شيئًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="108"/>
        <source>&amp;Space</source>
        <translation>المساحة (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="109"/>
        <source>C&amp;hannel</source>
        <translation>القناة (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="110"/>
        <source>Posted as</source>
        <translation>يُنشر باسم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="111"/>
        <source>&amp;Title</source>
        <translation>العنوان (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="125"/>
        <source>Reading your spaces…</source>
        <translation>تجري قراءة مساحاتك…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="176"/>
        <source>You are not a member of any space yet.</source>
        <translation>لست عضوًا في أي مساحة بعد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="178"/>
        <source>Reading the space…</source>
        <translation>تجري قراءة المساحة…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="183"/>
        <source>%1 (your name in this space)</source>
        <translation>%1 (اسمك في هذه المساحة)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="187"/>
        <source>posts here disappear after %1</source>
        <translation>تختفي المنشورات هنا بعد %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="191"/>
        <source>The feed</source>
        <translation>الموجز</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="213"/>
        <source>Write something to share first.</source>
        <translation>اكتب شيئًا للمشاركة أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/journal/share_dialog.py" line="219"/>
        <source>Posting…</source>
        <translation>يجري النشر…</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="43"/>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="53"/>
        <source>Keyboard shortcuts</source>
        <extracomment>The keys that open the sheet.</extracomment>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="47"/>
        <source>Alt and an underlined letter presses that button or moves to that field. Tab and Shift+Tab move between fields; Esc closes a dialog.</source>
        <translation>‏Alt مع الحرف الذي تحته خط يضغط ذلك الزر أو ينقلك إلى ذلك الحقل. ‏Tab و Shift+Tab للتنقل بين الحقول؛ ‏Esc يغلق النافذة الحوارية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="54"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="54"/>
        <source>What they do</source>
        <translation>ما تفعله</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="66"/>
        <source>&amp;Close</source>
        <translation>أغلق (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="67"/>
        <source>Close the list of shortcuts</source>
        <translation>أغلق قائمة الاختصارات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="77"/>
        <source>%1 or %2</source>
        <translation>%1 أو %2</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="80"/>
        <source>Shift three times</source>
        <translation>‏Shift ثلاث مرات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="83"/>
        <source>Quick exit: hide Haven and lock it at once</source>
        <translation>الخروج السريع: إخفاء Haven وقفله فوراً</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="85"/>
        <source>Lock</source>
        <translation>&amp;قفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="88"/>
        <source>Show this list of shortcuts</source>
        <translation>اعرض قائمة الاختصارات هذه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="92"/>
        <source>Go to %1</source>
        <translation>انتقل إلى %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="94"/>
        <source>Journal: a new entry</source>
        <translation>اليوميات: إدخال جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="95"/>
        <source>Journal: save the entry</source>
        <translation>اليوميات: احفظ الإدخال</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="96"/>
        <source>Journal: search</source>
        <translation>اليوميات: ابحث</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/shortcut_sheet.py" line="97"/>
        <source>Spaces: send the post or reply</source>
        <translation>المساحات: أرسل المنشور أو الرد</translation>
    </message>
</context>
<context>
    <name>SpaceActions</name>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="65"/>
        <source>Warnings about this space</source>
        <extracomment>One write: called in a worker with the spaces service and the space's id. The view's way to run a write: (write, text when done, then, on failure).</extracomment>
        <translation>تحذيرات عن هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="88"/>
        <source>Warning: a device of %1 sent two different versions of the same message. It may be a restored backup or a bug, or someone holding their key may be showing different things to different people. Check with them in person.</source>
        <translation>تحذير: أرسل جهاز لـ %1 نسختين مختلفتين من الرسالة نفسها. قد يكون السبب نسخة احتياطية مستعادة أو خللًا، أو أن شخصًا يملك مفتاحه يُظهر أشياء مختلفة لأشخاص مختلفين. تحقّق من الأمر معه وجهًا لوجه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="96"/>
        <source>Warning: %1 sent this computer a space key that does not match the key announced to the group, so it was not used. Someone holding their key may be trying to read the space. Check with them in person.</source>
        <translation>تحذير: أرسل %1 إلى هذا الحاسوب مفتاح مساحة لا يطابق المفتاح المُعلن للمجموعة، فلم يُستعمل. ربما يحاول شخص يحمل مفتاحه قراءة المساحة. تحقّق من الأمر معه وجهاً لوجه.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="104"/>
        <source>Some invite codes of this space stopped working because an admin who held them was removed or stepped down. Share new codes with the people you invited.</source>
        <translation>توقّفت بعض رموز الدعوة لهذه المساحة عن العمل لأن مشرفًا كان يحملها أُزيل أو تنحّى. شارك رموزًا جديدة مع الأشخاص الذين دعوتهم.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="178"/>
        <source>Not changed: you can edit or delete only your own posts, and only while they are still shown (not deleted or removed by a moderator).</source>
        <translation>لم يتغيّر شيء: يمكنك تعديل منشوراتك أو حذفها فقط، وما دامت ظاهرة (غير محذوفة ولا أزالها مشرف).</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="195"/>
        <source>Saved your changes.</source>
        <translation>حُفظت تعديلاتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="203"/>
        <source>Delete your post</source>
        <translation>احذف منشورك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="205"/>
        <source>Delete this post for everyone in the space? Its place shows “Deleted by its author”. Others' devices that already synced it delete it when they next sync.</source>
        <translation>أتحذف هذا المنشور لدى الجميع في المساحة؟ يظهر مكانه «حذفه كاتبه». الأجهزة الأخرى التي زامنته تحذفه في مزامنتها التالية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="208"/>
        <source>&amp;Delete</source>
        <translation>احذف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="209"/>
        <source>Delete the post</source>
        <translation>احذف المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="216"/>
        <source>Post deleted.</source>
        <translation>حُذف المنشور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="224"/>
        <source>Pinned to the top of the feed.</source>
        <translation>ثُبّت في أعلى الموجز.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="224"/>
        <source>Unpinned.</source>
        <translation>أُلغي التثبيت.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="226"/>
        <source>Not pinned: only moderators, admins and the owner pin threads, and only threads still shown. Nothing was changed.</source>
        <translation>لم يُثبَّت: يثبّت النقاشات المشرفون والمشرفون الإداريون والمالك فقط، والنقاشات الظاهرة فقط. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="244"/>
        <source>Ownership handed over. You are now an admin.</source>
        <translation>سُلّمت الملكية. أنت الآن مشرف إداري.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="246"/>
        <source>Not handed over: only the owner can hand a space over, and only to a member who is still active in it. Nothing was changed.</source>
        <translation>لم تُسلَّم: المالك وحده يسلّم المساحة، ولعضو ما زال نشطًا فيها فقط. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="259"/>
        <source>Leave “%1”? You stop receiving new posts, and the others see that you left. To come back you need a new invite.</source>
        <translation>أتغادر «%1»؟ يتوقف وصول المنشورات الجديدة إليك، ويرى الآخرون أنك غادرت. للعودة تحتاج إلى دعوة جديدة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="264"/>
        <source>You are its owner: ownership passes to the highest-ranked member who joined first, unless you hand it over first.</source>
        <translation>أنت مالكها: تنتقل الملكية إلى العضو الأعلى دورًا والأقدم انضمامًا، إلا إذا سلّمتها أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="268"/>
        <source>Leave this space</source>
        <translation>غادر هذه المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="270"/>
        <source>&amp;Leave</source>
        <translation>غادر (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="271"/>
        <source>Leave the space</source>
        <translation>غادر المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="272"/>
        <source>Also &amp;delete everything of this space from this computer</source>
        <translation>احذف أيضًا كل ما يخص هذه المساحة من هذا الحاسوب (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="273"/>
        <source>Also delete everything of this space from this computer</source>
        <translation>احذف أيضًا كل ما يخص هذه المساحة من هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="288"/>
        <source>You left “%1” and its data was deleted from this computer.</source>
        <translation>غادرت «%1» وحُذفت بياناتها من هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="292"/>
        <source>You left “%1”.</source>
        <translation>غادرت «%1».</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/own_actions.py" line="293"/>
        <source>You could not leave: you are not an active member of this space.</source>
        <translation>تعذّرت المغادرة: لست عضوًا نشطًا في هذه المساحة.</translation>
    </message>
</context>
<context>
    <name>SpaceEvents</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="79"/>
        <source>Event created.</source>
        <translation>أُنشئت الفعالية.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="87"/>
        <source>Approved. Only they and the organisers know.</source>
        <translation>تمت الموافقة. لا يعلم بها إلا الضيف والمنظّمون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_events.py" line="93"/>
        <source>Answer sent. Only the organisers see it.</source>
        <translation>أُرسل ردّك. لا يراه إلا المنظّمون.</translation>
    </message>
</context>
<context>
    <name>SpaceHeader</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_header.py" line="22"/>
        <source>Invite someone…</source>
        <translation>دعوة شخص…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_header.py" line="23"/>
        <source>Invite someone to this space</source>
        <translation>ادعُ شخصًا إلى هذه المساحة</translation>
    </message>
</context>
<context>
    <name>SpaceStatus</name>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="36"/>
        <source>Synced just now through a relay</source>
        <extracomment>How often "N min ago" is re-worded. How long what an action did stays on screen.</extracomment>
        <translation>تمت المزامنة للتو عبر خادم وسيط</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="42"/>
        <source>Synced just now on the local network</source>
        <translation>تمت المزامنة للتو على الشبكة المحلية</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="49"/>
        <source>Synced just now with a direct connection</source>
        <translation>تمت المزامنة للتو عبر اتصال مباشر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="59"/>
        <source>Not synced yet</source>
        <translation>لم تتم المزامنة بعد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="66"/>
        <source>%Ln waiting for earlier events</source>
        <translation>
            <numerusform>لا شيء بانتظار أحداث سابقة</numerusform>
            <numerusform>حدث واحد بانتظار أحداث سابقة</numerusform>
            <numerusform>حدثان بانتظار أحداث سابقة</numerusform>
            <numerusform>%Ln أحداث بانتظار أحداث سابقة</numerusform>
            <numerusform>%Ln حدثًا بانتظار أحداث سابقة</numerusform>
            <numerusform>%Ln حدث بانتظار أحداث سابقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="64"/>
        <source>%Ln waiting to go out</source>
        <translation>
            <numerusform>لا شيء بانتظار الإرسال</numerusform>
            <numerusform>حدث واحد بانتظار الإرسال</numerusform>
            <numerusform>حدثان بانتظار الإرسال</numerusform>
            <numerusform>%Ln أحداث بانتظار الإرسال</numerusform>
            <numerusform>%Ln حدثًا بانتظار الإرسال</numerusform>
            <numerusform>%Ln حدث بانتظار الإرسال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="47"/>
        <source>Synced %Ln hours ago on the local network</source>
        <translation>
            <numerusform>تمت المزامنة الآن على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل ساعة على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة على الشبكة المحلية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="39"/>
        <source>Synced %Ln hours ago through a relay</source>
        <translation>
            <numerusform>تمت المزامنة الآن عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل ساعة عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة عبر خادم وسيط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="54"/>
        <source>Synced %Ln hours ago with a direct connection</source>
        <translation>
            <numerusform>تمت المزامنة الآن عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل ساعة عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة عبر اتصال مباشر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="44"/>
        <source>Synced %Ln min ago on the local network</source>
        <translation>
            <numerusform>تمت المزامنة الآن على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة على الشبكة المحلية</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة على الشبكة المحلية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="38"/>
        <source>Synced %Ln min ago through a relay</source>
        <translation>
            <numerusform>تمت المزامنة الآن عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة عبر خادم وسيط</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة عبر خادم وسيط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="51"/>
        <source>Synced %Ln min ago with a direct connection</source>
        <translation>
            <numerusform>تمت المزامنة الآن عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة عبر اتصال مباشر</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة عبر اتصال مباشر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceStatusLabel</name>
    <message>
        <location filename="../../src/haven/ui/space_status.py" line="83"/>
        <source>Sync status of this space</source>
        <translation>حالة مزامنة هذه المساحة</translation>
    </message>
</context>
<context>
    <name>SpaceView</name>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="84"/>
        <source>Space sections</source>
        <extracomment>Hosts that name no network address: an invite may carry them (same-computer tests). Threads read when a space opens; "Show older posts" doubles it. Join requests arrive without an event in the log, so an admin's open Members tab asks for them this often. Something changed that the space list shows (unread counts, names).</extracomment>
        <translation>أقسام المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="85"/>
        <source>&amp;Feed</source>
        <translation>الموجز (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="86"/>
        <source>&amp;Channels</source>
        <translation>القنوات (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="87"/>
        <source>Mem&amp;bers</source>
        <translation>الأعضاء (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="88"/>
        <source>&amp;Events</source>
        <translation>الفعاليات (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="89"/>
        <source>Mo&amp;deration</source>
        <translation>الإشراف (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="90"/>
        <source>Fundraisers and ca&amp;mpaigns</source>
        <translation>التبرعات والحملات (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="91"/>
        <source>&amp;About and you</source>
        <translation>عن المساحة وعنك (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="332"/>
        <source>No space chosen</source>
        <translation>لم تُختر مساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="367"/>
        <source>Posted.</source>
        <translation>نُشر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_view.py" line="379"/>
        <source>Replied.</source>
        <translation>أُرسل الرد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="39"/>
        <source>Role changed.</source>
        <translation>تغيّر الدور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="45"/>
        <source>Blocked: their posts are hidden for you.</source>
        <translation>حُظر: منشوراته مخفية عنك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="47"/>
        <source>Unblocked.</source>
        <translation>أُلغي الحظر.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="53"/>
        <source>Saved your name in this space.</source>
        <translation>حُفظ اسمك في هذه المساحة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_writes.py" line="59"/>
        <source>Mute words saved.</source>
        <translation>حُفظت الكلمات المكتومة.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="46"/>
        <source>Report a post</source>
        <translation>أبلغ عن منشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="47"/>
        <source>Tell the moderators what is wrong. Only they can read your report.</source>
        <translation>أخبر المشرفين بما هو خطأ. لا يقرأ بلاغك غيرهم.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="50"/>
        <source>&amp;Report</source>
        <translation>أبلغ (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="51"/>
        <source>Send the report</source>
        <translation>أرسل البلاغ</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="58"/>
        <source>Reported to the moderators.</source>
        <translation>أُبلغ المشرفون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="64"/>
        <source>Remove a post</source>
        <translation>إزالة منشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="65"/>
        <source>Members will see that a moderator removed it, and this reason.</source>
        <translation>سيرى الأعضاء أن مشرفًا أزاله، وهذا السبب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="68"/>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="89"/>
        <source>Re&amp;move</source>
        <translation>أزل (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="69"/>
        <source>Remove the post</source>
        <translation>أزل المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="76"/>
        <source>Post removed.</source>
        <translation>أزيل المنشور.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="83"/>
        <source>Remove a member</source>
        <translation>إزالة عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="84"/>
        <source>Remove %1 from this space? They keep what they already read, but nothing new: the space gets a new key.</source>
        <translation>إزالة %1 من هذه المساحة؟ يبقى لديه ما قرأه، ولا شيء جديد: تحصل المساحة على مفتاح جديد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="90"/>
        <source>Remove the member</source>
        <translation>أزل العضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/reason_asks.py" line="99"/>
        <source>%1 was removed.</source>
        <translation>أزيل %1.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="173"/>
        <source>Sync is not running, so nobody could reach you to join. Unlock again, or check the sync port in Settings.</source>
        <translation>المزامنة متوقفة، فلا يستطيع أحد الوصول إليك للانضمام. افتح القفل مجددًا أو تحقق من منفذ المزامنة في الإعدادات.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/invite_route.py" line="168"/>
        <source>A direct invite needs sync on the local network, which is off. Turn it on in Settings, or invite through a relay.</source>
        <translation>الدعوة المباشرة تحتاج إلى المزامنة على الشبكة المحلية، وهي متوقفة. شغّلها من الإعدادات، أو ادعُ عبر مُرحِّل.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_admission.py" line="102"/>
        <source>%1 was added. They can read the space once their Haven collects the welcome.</source>
        <translation>أُضيف %1. يستطيع قراءة المساحة حين يستلم Haven لديه رسالة الترحيب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/space_admission.py" line="115"/>
        <source>%1's request was declined.</source>
        <translation>رُفض طلب %1.</translation>
    </message>
</context>
<context>
    <name>Spaces</name>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="53"/>
        <source>no reason given</source>
        <translation>بلا سبب مذكور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="54"/>
        <source>Removed by a moderator: %1</source>
        <translation>أزاله مشرف: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="56"/>
        <source>Deleted by its author</source>
        <translation>حذفه كاتبه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="58"/>
        <source>Disappeared: its timer ran out</source>
        <translation>اختفى: انتهى مؤقته</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="60"/>
        <location filename="../../src/haven/ui/spaces/models.py" line="96"/>
        <source>Content warning: %1</source>
        <translation>تحذير من المحتوى: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="76"/>
        <source>pinned</source>
        <translation>مثبّت</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="78"/>
        <source>edited</source>
        <translation>معدّل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="81"/>
        <source>disappears %1</source>
        <translation>يختفي %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/models.py" line="93"/>
        <source>Hidden until you open it</source>
        <translation>مخفي حتى تفتحه</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="29"/>
        <source>Sending care</source>
        <translation>أرسل لك محبة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="30"/>
        <source>Me too</source>
        <translation>أنا أيضًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="31"/>
        <source>Proud of you</source>
        <translation>فخور بك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="32"/>
        <source>You are not alone</source>
        <translation>لست وحدك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="33"/>
        <source>Thank you</source>
        <translation>شكرًا لك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="40"/>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="42"/>
        <source>Admin</source>
        <translation>مدير</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="44"/>
        <source>Moderator</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="46"/>
        <source>Member</source>
        <translation>عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="47"/>
        <source>Not a member</source>
        <translation>ليس عضوًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="70"/>
        <source>⚠ name looks like another member's</source>
        <translation>⚠ الاسم يشبه اسم عضو آخر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="72"/>
        <source>⚠ name uses a role word</source>
        <translation>⚠ الاسم يستعمل كلمة دور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="78"/>
        <source>added a member</source>
        <translation>أضاف عضوًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="79"/>
        <source>removed a member</source>
        <translation>أزال عضوًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="80"/>
        <source>banned a member</source>
        <translation>حظر عضوًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="81"/>
        <source>changed a role</source>
        <translation>غيّر دورًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="82"/>
        <source>changed the owner</source>
        <translation>غيّر المالك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="83"/>
        <source>changed a member's devices</source>
        <translation>غيّر أجهزة عضو</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="84"/>
        <source>renewed the space key</source>
        <translation>جدّد مفتاح المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="85"/>
        <source>edited the space's details</source>
        <translation>عدّل تفاصيل المساحة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="86"/>
        <source>pinned a post</source>
        <translation>ثبّت منشورًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="87"/>
        <source>unpinned a post</source>
        <translation>ألغى تثبيت منشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="88"/>
        <source>removed a post</source>
        <translation>أزال منشورًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="89"/>
        <source>removed a fundraiser</source>
        <translation>أزال حملة تبرعات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="90"/>
        <source>removed a campaign</source>
        <translation>أزال حملة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="102"/>
        <source>That post or member is no longer there; nothing was changed.</source>
        <translation>لم يعد ذلك المنشور أو العضو موجودًا؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="104"/>
        <source>That could not be done: check what you typed, and that your role in this space allows it. Nothing was changed.</source>
        <translation>تعذّر ذلك: تحقق مما كتبت، ومن أن دورك في هذه المساحة يسمح به. لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/wording.py" line="116"/>
        <source>This invite stopped working because an admin who made or held it is no longer an admin of the space. This is not about you: ask an admin of the space for a new invite. Nothing was kept.</source>
        <translation>توقفت هذه الدعوة عن العمل لأن مشرفًا أنشأها أو كان يحملها لم يعد مشرفًا في المساحة. السبب ليس أنت: اطلب دعوة جديدة من أحد مشرفي المساحة. لم يُحتفظ بشيء.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="47"/>
        <location filename="../../src/haven/ui/spaces/dialogs.py" line="48"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="101"/>
        <source>%Ln replies</source>
        <translation>
            <numerusform>لا ردود</numerusform>
            <numerusform>ردّ واحد</numerusform>
            <numerusform>ردّان</numerusform>
            <numerusform>%Ln ردود</numerusform>
            <numerusform>%Ln ردًا</numerusform>
            <numerusform>%Ln ردّ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="221"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>لا جديد</numerusform>
            <numerusform>واحد غير مقروء</numerusform>
            <numerusform>اثنان غير مقروءين</numerusform>
            <numerusform>%Ln غير مقروءة</numerusform>
            <numerusform>%Ln غير مقروء</numerusform>
            <numerusform>%Ln غير مقروء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="99"/>
        <source>More than %Ln replies</source>
        <translation>
            <numerusform>أكثر من %Ln ردّ</numerusform>
            <numerusform>أكثر من ردّ واحد</numerusform>
            <numerusform>أكثر من ردّين</numerusform>
            <numerusform>أكثر من %Ln ردود</numerusform>
            <numerusform>أكثر من %Ln ردًا</numerusform>
            <numerusform>أكثر من %Ln ردّ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpacesPage</name>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="48"/>
        <source>Your spaces</source>
        <extracomment>How long after an event the views re-read (events often come in bursts during sync). Total unread posts over all spaces (the sidebar shows it).</extracomment>
        <translation>مساحاتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="49"/>
        <source>Each with its number of unread posts</source>
        <translation>كل منها مع عدد منشوراته غير المقروءة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="53"/>
        <source>Spaces: small circles you trust</source>
        <translation>المساحات: دوائر صغيرة تثق بها</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="55"/>
        <source>A space is a private group: a support circle, a topic, an organising team. Everything in it is encrypted for its members only. Start one and invite people, or join with an invite someone gave you.</source>
        <translation>المساحة مجموعة خاصة: دائرة دعم، أو موضوع، أو فريق تنظيم. كل ما فيها مشفّر لأعضائها وحدهم. أنشئ واحدة وادعُ الناس، أو انضم بدعوة أعطاك إياها أحد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="61"/>
        <source>&amp;New space…</source>
        <translation>مساحة جديدة (&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="62"/>
        <source>Create a new space</source>
        <translation>أنشئ مساحة جديدة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="63"/>
        <source>&amp;Join…</source>
        <translation>انضم (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="64"/>
        <source>Join a space with an invite code</source>
        <translation>انضم إلى مساحة برمز دعوة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="70"/>
        <source>&amp;Spaces</source>
        <translation>المساحات (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/spaces_page.py" line="251"/>
        <source>Space created. You are its owner.</source>
        <translation>أُنشئت المساحة. أنت مالكها.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="23"/>
        <source>Tor is not running: nothing goes to relays</source>
        <extracomment>How often "N min ago" is recomputed.</extracomment>
        <translation>لا يعمل Tor: لا يُرسَل شيء إلى المُرحِّلات</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="25"/>
        <source>Sync is off</source>
        <translation>المزامنة متوقفة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="27"/>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="29"/>
        <source>Last sync failed</source>
        <translation>فشلت آخر مزامنة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="31"/>
        <source>Not synced yet</source>
        <translation>لم تتم المزامنة بعد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="36"/>
        <source>Synced just now (relay)</source>
        <translation>تمت المزامنة للتو (خادم وسيط)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="42"/>
        <source>Synced just now (local network)</source>
        <translation>تمت المزامنة للتو (الشبكة المحلية)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="47"/>
        <source>Synced just now (direct connection)</source>
        <translation>تمت المزامنة للتو (اتصال مباشر)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="50"/>
        <source>Synced %Ln hours ago (direct connection)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل ساعة (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (اتصال مباشر)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="45"/>
        <source>Synced %Ln hours ago (local network)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل ساعة (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (الشبكة المحلية)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="39"/>
        <source>Synced %Ln hours ago (relay)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل ساعة (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل ساعتين (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعات (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln ساعة (خادم وسيط)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="49"/>
        <source>Synced %Ln min ago (direct connection)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (اتصال مباشر)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (اتصال مباشر)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="44"/>
        <source>Synced %Ln min ago (local network)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (الشبكة المحلية)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (الشبكة المحلية)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="38"/>
        <source>Synced %Ln min ago (relay)</source>
        <translation>
            <numerusform>تمت المزامنة الآن (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقة (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل دقيقتين (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقائق (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (خادم وسيط)</numerusform>
            <numerusform>تمت المزامنة قبل %Ln دقيقة (خادم وسيط)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/haven/ui/sync_status.py" line="58"/>
        <source>Sync status</source>
        <translation>حالة المزامنة</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="83"/>
        <source>Show the post behind the content warning</source>
        <translation>اعرض المنشور المخفي خلف التحذير</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="85"/>
        <source>Post</source>
        <translation>المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="82"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="299"/>
        <source>Show p&amp;ost</source>
        <extracomment>post id, kind, on parent id, body, content warning Your own post: edit it, or delete it (the view asks first). post id, pinned (moderators and above) thread's first post id, the reply the page ends before / starts after how that page was asked for: older or newer than which reply (to read it again)</extracomment>
        <translation>اعرض المنشور (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="88"/>
        <source>Repor&amp;t…</source>
        <translation>أبلغ (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="89"/>
        <source>Report this post to the moderators</source>
        <translation>أبلغ المشرفين عن هذا المنشور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="90"/>
        <source>Re&amp;move post…</source>
        <translation>أزل المنشور (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="91"/>
        <source>Remove this post as a moderator</source>
        <translation>أزل هذا المنشور بصفتك مشرفًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="92"/>
        <source>&amp;Edit…</source>
        <translation>عدّل (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="93"/>
        <source>Edit your post</source>
        <translation>عدّل منشورك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="94"/>
        <source>Dele&amp;te…</source>
        <translation>احذف (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="95"/>
        <source>Delete your post</source>
        <translation>احذف منشورك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="96"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="178"/>
        <source>P&amp;in</source>
        <translation>ثبّت (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="101"/>
        <source>Posts in this thread</source>
        <translation>منشورات هذا الموضوع</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="102"/>
        <source>The first post, then the replies</source>
        <translation>المنشور الأول، ثم الردود</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="103"/>
        <source>Show older rep&amp;lies</source>
        <translation>اعرض الردود الأقدم (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="104"/>
        <source>Show older replies</source>
        <translation>اعرض الردود الأقدم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="105"/>
        <source>Show ne&amp;wer replies</source>
        <translation>اعرض الردود الأحدث (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="106"/>
        <source>Show newer replies</source>
        <translation>اعرض الردود الأحدث</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="180"/>
        <source>Unpin this thread</source>
        <translation>ألغِ تثبيت هذا النقاش</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="299"/>
        <source>Hide p&amp;ost</source>
        <translation>أخفِ المنشور (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="97"/>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="180"/>
        <source>Pin this thread to the top</source>
        <translation>ثبّت هذا النقاش في الأعلى</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="178"/>
        <source>Unpi&amp;n</source>
        <translation>ألغِ التثبيت (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="297"/>
        <source>Content warning: %1</source>
        <translation>تحذير من المحتوى: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/thread_view.py" line="307"/>
        <source>This post is hidden behind a content warning. Press “Show post” to read it.</source>
        <translation>هذا المنشور مخفي خلف تحذير من المحتوى. اضغط «اعرض المنشور» لقراءته.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="28"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="84"/>
        <source>Haven is locked</source>
        <extracomment>"Restore a backup…": into a new folder, without opening this vault.</extracomment>
        <translation>Haven مقفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="29"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="109"/>
        <source>Type your passphrase to open your journal.</source>
        <translation>اكتب عبارة المرور لفتح يومياتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="33"/>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="34"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="35"/>
        <source>&amp;Unlock</source>
        <translation>فتح (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="36"/>
        <source>Unlock</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="40"/>
        <source>Opening your vault</source>
        <translation>جارٍ فتح خزنتك</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="41"/>
        <source>Get &amp;help now</source>
        <translation>احصل على المساعدة الآن (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="42"/>
        <source>Get help now: crisis lines and support</source>
        <translation>احصل على المساعدة الآن: خطوط الأزمات والدعم</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="43"/>
        <source>&amp;Restore a backup…</source>
        <translation>استعِد نسخة احتياطية (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="44"/>
        <source>Restore a backup into a new folder</source>
        <translation>استعِد نسخة احتياطية في مجلد جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="77"/>
        <source>Type your passphrase first.</source>
        <translation>اكتب عبارة المرور أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="84"/>
        <source>Locked</source>
        <translation>مقفل</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/unlock_page.py" line="89"/>
        <source>Your backup was restored. Type its passphrase to open your journal.</source>
        <translation>استُعيدت نسختك الاحتياطية. اكتب عبارة مرورها لفتح يومياتك.</translation>
    </message>
</context>
<context>
    <name>UpcomingPage</name>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="42"/>
        <source>Upcoming events</source>
        <extracomment>Changes that may make the person a member of a space again (an admin adds them back). spaces held here that the last read left out (left, or removed from)</extracomment>
        <translation>الفعاليات القادمة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="46"/>
        <source>Your next events in every space you belong to, soonest first. Only the organisers see your answers.</source>
        <translation>فعالياتك التالية في كل مساحة أنت عضو فيها، الأقرب أولًا. لا يرى ردودك إلا المنظّمون.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="52"/>
        <source>Your upcoming events in every space, soonest first</source>
        <translation>فعالياتك القادمة في كل مساحة، الأقرب أولًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="53"/>
        <source>No upcoming events in your spaces.</source>
        <translation>لا توجد فعاليات قادمة في مساحاتك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="56"/>
        <source>Re&amp;fresh</source>
        <translation>تحديث (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="57"/>
        <source>Read your upcoming events again</source>
        <translation>اقرأ فعالياتك القادمة من جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="59"/>
        <source>E&amp;xport my events…</source>
        <translation>صدّر فعالياتي (&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="61"/>
        <source>Export the events you are going to as a calendar file (not encrypted)</source>
        <translation>صدّر الفعاليات التي ستحضرها في ملف تقويم (غير مشفّر)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="148"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="154"/>
        <source>%1 (cancelled)</source>
        <translation>%1 (أُلغيت)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="156"/>
        <source>%1 (you are going)</source>
        <translation>%1 (ستحضر)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="157"/>
        <source>%1 (you said maybe)</source>
        <translation>%1 (قلت ربما)</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/upcoming_page.py" line="158"/>
        <source>%1 (you can't go)</source>
        <translation>%1 (لا تستطيع الحضور)</translation>
    </message>
</context>
<context>
    <name>VaultDialogs</name>
    <message>
        <location filename="../../src/haven/ui/vault_dialogs.py" line="66"/>
        <source>Passphrase changed; your vault is now under a new key.</source>
        <translation>تغيّرت عبارة المرور، وصارت خزنتك الآن تحت مفتاح جديد.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/vault_dialogs.py" line="68"/>
        <source>Passphrase changed.</source>
        <translation>تغيّرت عبارة المرور.</translation>
    </message>
</context>
<context>
    <name>VaultFilesSection</name>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="29"/>
        <source>Backup and passphrase</source>
        <extracomment>"Change passphrase…" was pressed (the window opens its dialog). "Restore a backup…" was pressed (the window opens the restore dialog).</extracomment>
        <translation>النسخ الاحتياطي وعبارة المرور</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="32"/>
        <source>&amp;Back up my vault…</source>
        <translation>انسخ خزنتي احتياطياً (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="33"/>
        <source>Write an encrypted backup of the vault</source>
        <translation>اكتب نسخة احتياطية مشفّرة من الخزنة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="35"/>
        <source>One encrypted file; it opens with the passphrase the vault has now.</source>
        <translation>ملف واحد مشفّر؛ يُفتح بعبارة المرور التي للخزنة الآن.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="37"/>
        <source>R&amp;estore a backup…</source>
        <translation>استعِد نسخة احتياطية (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="38"/>
        <source>Restore a backup into a new folder</source>
        <translation>استعِد نسخة احتياطية في مجلد جديد</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="39"/>
        <source>Export my &amp;journal…</source>
        <translation>صدّر يومياتي (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="40"/>
        <source>Export the journal as plain text</source>
        <translation>صدّر اليوميات نصاً غير مشفّر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="41"/>
        <source>Change &amp;passphrase…</source>
        <translation>تغيير عبارة المرور (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="42"/>
        <source>Change the vault's passphrase</source>
        <translation>تغيير عبارة مرور الخزنة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="73"/>
        <source>Save an encrypted backup</source>
        <translation>احفظ نسخة احتياطية مشفّرة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="88"/>
        <source>%1 already exists. A backup never replaces a file: choose a new name.</source>
        <translation>‏%1 موجود من قبل. النسخة الاحتياطية لا تستبدل ملفاً أبداً: اختر اسماً جديداً.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="92"/>
        <source>Writing the backup…</source>
        <translation>تجري كتابة النسخة الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="104"/>
        <source>Encrypted backup written to %1 (%2). It opens with the passphrase your vault has now; keep it somewhere other than this computer.</source>
        <translation>كُتبت النسخة الاحتياطية المشفّرة في %1 (%2). تُفتح بعبارة المرور التي لخزنتك الآن؛ احفظها في مكان غير هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="118"/>
        <source>Export as plain text</source>
        <translation>التصدير نصاً غير مشفّر</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="121"/>
        <source>An export is NOT encrypted: anyone who can open the files can read your journal. Keep them somewhere safe and delete them when you are done.</source>
        <translation>التصدير غير مشفّر: كل من يستطيع فتح الملفات يستطيع قراءة يومياتك. احفظها في مكان آمن واحذفها حين تنتهي.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="126"/>
        <source>For a copy only you can open, make an encrypted backup instead.</source>
        <translation>لنسخة لا يفتحها أحد غيرك، أنشئ نسخة احتياطية مشفّرة بدلاً من ذلك.</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="128"/>
        <source>&amp;Markdown files…</source>
        <translation>ملفات Markdown (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="129"/>
        <source>One &amp;JSON file…</source>
        <translation>ملف JSON واحد (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="130"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="145"/>
        <source>Export the journal to</source>
        <translation>صدّر اليوميات إلى</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="165"/>
        <source>Exported %Ln entries as plain text to %1.</source>
        <translation>
            <numerusform>لم يُصدَّر أي إدخال إلى %1.</numerusform>
            <numerusform>صُدِّر إدخال واحد نصاً غير مشفّر إلى %1.</numerusform>
            <numerusform>صُدِّر إدخالان نصاً غير مشفّر إلى %1.</numerusform>
            <numerusform>صُدِّرت %Ln إدخالات نصاً غير مشفّر إلى %1.</numerusform>
            <numerusform>صُدِّر %Ln إدخالاً نصاً غير مشفّر إلى %1.</numerusform>
            <numerusform>صُدِّر %Ln إدخال نصاً غير مشفّر إلى %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="178"/>
        <source>Nothing was written: choose a new name in a folder that exists (an export goes into a new or empty folder).</source>
        <translation>لم يُكتب شيء: اختر اسماً جديداً في مجلد موجود (يُكتب التصدير في مجلد جديد أو فارغ).</translation>
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
        <translation>كلمات التحقق</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="72"/>
        <source>Verification words: %1</source>
        <translation>كلمات التحقق: %1</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/devices/verification_words.py" line="78"/>
        <source>If your other device uses another language, compare these words instead: %1</source>
        <translation>إن كان جهازك الآخر بلغة أخرى، فقارن هذه الكلمات بدلًا منها: %1</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../src/haven/ui/spaces/attach_picker.py" line="39"/>
        <source>Attach a picture or file</source>
        <extracomment>Runs work off the UI thread, then `done(result)` or `failed(exc)` in it (SessionBridge.run). Called in the UI thread with the chosen path: the work that prepares it, for a worker.</extracomment>
        <translation>أرفق صورة أو ملفًا</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="56"/>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="65"/>
        <source>Save a copy</source>
        <translation>احفظ نسخة</translation>
    </message>
    <message>
        <location filename="../../src/haven/ui/spaces/attachment_strip.py" line="58"/>
        <source>The copy is saved outside Haven's encrypted vault: anyone who can open that folder can see it. Save it anyway?</source>
        <translation>تُحفظ النسخة خارج خزنة Haven المشفرة: يستطيع رؤيتها كل من يستطيع فتح ذلك المجلد. أتحفظها على أي حال؟</translation>
    </message>
</context>
</TS>
