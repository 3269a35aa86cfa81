# رسائل واجهة المستخدم في منصة «مجلس» (العربية).
# Every id here exists in ar, tr, fr and de too; a test checks it.

site-tagline = التعلّم بين الأقران للبلديات المستضيفة
skip-to-content = الانتقال إلى المحتوى
nav-main = التنقل الرئيسي
nav-languages = اللغة
nav-home = الرئيسية
nav-municipalities = البلديات
nav-organisations = المنظمات
nav-network = الشبكة
footer-about = «مجلس» هو المنصة المشتركة لشبكة تعلّم بين الأقران تضم بلديات تستضيف اللاجئين والمهاجرين.
footer-api = بيانات مفتوحة (واجهة برمجة JSON)
breadcrumbs = مسار التنقل

language-en = الإنجليزية
language-ar = العربية
language-tr = التركية
language-fr = الفرنسية
language-de = الألمانية
shown-in = معروض باللغة { $language }

home-title = بلديات تتعلّم من بعضها البعض
home-lead = تتبادل البلديات الأعضاء وشركاؤها ما ينجح في استضافة اللاجئين: الممارسات الجيدة وورش العمل والمشاورات والاستطلاعات، باللغات العربية والتركية والإنجليزية والفرنسية والألمانية.
home-figures = الشبكة بالأرقام
home-explore = استكشف
home-municipalities-text = البلديات الأعضاء وأرقامها ومواضيعها وجهات الاتصال فيها.
home-organisations-text = وكالات التنمية وشبكات المدن والمنظمات غير الحكومية والجامعات التي تعمل مع الأعضاء.
home-network-text = الأعضاء حسب البلد، مع الأرقام التي تنشرها الشبكة.

figure-municipalities = البلديات
figure-countries = البلدان
figure-organisations = المنظمات الشريكة
figure-themes = المواضيع
figure-refugees = اللاجئون المستضافون

filter-country = البلد
filter-theme = الموضوع
filter-kind = النوع
filter-all = الكل
filter-apply = عرض
result-count = { $count ->
    [0] لا توجد نتائج
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
themes-label = المواضيع
pager-label = الصفحات
pager-previous = الصفحة السابقة
pager-next = الصفحة التالية
pager-position = الصفحة { $page }

municipalities-title = البلديات الأعضاء
municipalities-lead = البلديات والأقضية واتحادات البلديات المشاركة في الشبكة.
municipalities-empty = لا توجد بلدية تطابق معايير التصفية هذه.
refugees-hosted = اللاجئون المستضافون: { $count }
municipality-profile = الملف التعريفي
municipality-facts = معلومات أساسية
fact-population = عدد السكان
fact-refugees = اللاجئون المستضافون
fact-member-since = عضو منذ
fact-figures = الأرقام
fact-none = غير مُبلَّغ عنه
themes-of-interest = المواضيع ذات الاهتمام
focal-points = جهات الاتصال
focal-points-none = لم تُدرج أي جهة اتصال بعد.

organisations-title = المنظمات الشريكة
organisations-lead = منظمات تدعم البلديات الأعضاء وتشارك في أنشطة الشبكة.
organisations-empty = لا توجد منظمة تطابق معايير التصفية هذه.
organisation-website = الموقع الإلكتروني

network-title = الشبكة
network-lead = أين يوجد أعضاء الشبكة وشركاؤها، وما الذي يُبلغون عنه.
network-by-country = الأعضاء والشركاء حسب البلد
network-refugees-note = أعداد اللاجئين هي مجموع ما تُبلغ عنه البلديات الأعضاء؛ ومعظمها لم يُبلغ عن أي رقم بعد.
network-figures-from = { $count ->
    [zero] لم تُبلغ أي بلدية
    [one] من بلدية واحدة
    [two] من بلديتين
    [few] من { $count } بلديات
    [many] من { $count } بلدية
   *[other] من { $count } بلدية
}
column-country = البلد

municipality-kind-municipality = بلدية
municipality-kind-metropolitan-municipality = بلدية كبرى
municipality-kind-district-municipality = بلدية قضاء
municipality-kind-union-of-municipalities = اتحاد بلديات
municipality-kind-district = قضاء
municipality-kind-city-district = منطقة بلدية

organisation-kind-development-agency = وكالة تنمية
organisation-kind-city-network = شبكة مدن
organisation-kind-ngo = منظمة غير حكومية
organisation-kind-university = جامعة أو معهد عالٍ
organisation-kind-ministry = وزارة
organisation-kind-union-of-municipalities = اتحاد بلديات
organisation-kind-international-organisation = منظمة دولية
organisation-kind-research-institute = معهد أبحاث
organisation-kind-government-agency = هيئة حكومية
organisation-kind-foundation = مؤسسة
organisation-kind-private-sector = القطاع الخاص
organisation-kind-consultancy = شركة استشارات

field-page = رقم الصفحة
field-per_page = عدد العناصر في الصفحة
field-country = البلد
field-theme = الموضوع
field-kind = النوع
field-members = الأعضاء

error-status = خطأ { $status }
error-back-home = العودة إلى الصفحة الرئيسية
error-not-found-title = الصفحة غير موجودة
error-not-found = لا يوجد شيء على هذا العنوان. ربما نُقل المحتوى، أو كُتب الرابط بشكل خاطئ.
error-bad-request-title = تعذّر فهم هذا الطلب
error-bad-request = تعذّر فهم جزء من العنوان. تحقّق منه وحاول مرة أخرى.
error-bad-request-field = القيمة المُدخلة في «{ $field }» غير صالحة. تحقّق منها وحاول مرة أخرى.
error-method-not-allowed-title = غير مسموح
error-method-not-allowed = لا يقبل هذا العنوان هذا النوع من الطلبات.
error-internal-title = حدث خطأ ما
error-internal = حدث خطأ من جهتنا، وقد سُجّل. يُرجى المحاولة مرة أخرى بعد قليل.

nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
login-title = تسجيل الدخول
login-lead = سجّل الدخول باستخدام عنوان البريد الإلكتروني وكلمة المرور الخاصّين بحسابك في «مجلس».
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-failed = هناك خطأ في عنوان البريد الإلكتروني أو في كلمة المرور.
login-deactivated = عُطّل هذا الحساب. إذا احتجت إليه مرة أخرى، فتواصل مع أحد منسّقي الشبكة.
login-too-many = محاولات كثيرة جدًا لتسجيل الدخول. حاول مرة أخرى بعد { $minutes ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}.
login-signed-out = تم تسجيل خروجك.
account-title = حسابي
account-name = الاسم
account-role = الدور
account-sessions = الأماكن التي سجّلت الدخول منها
account-session-device = العنوان والمتصفح
account-session-current = هذا المتصفح
account-session-started = وقت تسجيل الدخول
account-session-last-seen = آخر نشاط
account-sign-out-everywhere = تسجيل الخروج من كل مكان
role-admin = مدير النظام
role-coordinator = منسّق
role-member = عضو
role-expert = خبير
field-form = النموذج
error-sign-in-required-title = يُرجى تسجيل الدخول
error-sign-in-required = هذه الصفحة مخصّصة للأعضاء الذين سجّلوا الدخول. سجّل الدخول للمتابعة.
error-forbidden-title = غير مسموح
error-forbidden = لا يُسمح لك بالقيام بهذا الإجراء.
error-csrf-title = انتهت صلاحية هذا النموذج
error-csrf = انتهت صلاحية هذا النموذج أو أُرسل من موقع آخر. أعد تحميل الصفحة وحاول مرة أخرى.
error-too-many-requests-title = محاولات كثيرة جدًا
error-too-many-requests = محاولات كثيرة جدًا خلال وقت قصير. انتظر قليلًا وحاول مرة أخرى.
nav-people = الأشخاص
people-title = الأشخاص
people-lead = جميع أصحاب الحسابات. تعطيل الحساب يُنهي جميع جلساته فورًا.
people-status = الحالة
people-active = نشط
people-inactive = معطَّل
people-role-of = دور { $name }
people-change-role = تغيير الدور
people-deactivate = تعطيل
people-reactivate = إعادة التفعيل
people-updated = تم حفظ التغيير.
field-role = الدور
field-active = الحالة
people-invite = دعوة شخص
invite-title = دعوة شخص
invite-lead = يتلقّى الشخص رابطًا عبر البريد الإلكتروني. يعمل الرابط مرة واحدة فقط، لمدة سبعة أيام.
invite-email = عنوان البريد الإلكتروني
invite-role = الدور
invite-municipality = البلدية
invite-municipality-none = لا يوجد
invite-focal-point = جهة الاتصال لهذه البلدية (تعمل باسمها)
invite-locale = لغة الرسالة
invite-submit = إرسال الدعوة
invite-sent = أُرسلت الدعوة إلى { $email }.
invite-email-invalid = أدخل عنوان بريد إلكتروني صالحًا.
invite-email-taken = يوجد بالفعل حساب بعنوان البريد الإلكتروني هذا.
join-title = الانضمام إلى «مجلس»
join-lead = وصلتك دعوة للانضمام إلى «مجلس» بصفة { $role }. اختر الاسم الذي سيظهر للآخرين وكلمة مرور.
join-name = اسمك
join-password = كلمة المرور
join-password-again = أعد إدخال كلمة المرور
join-password-hint = من 8 إلى 128 حرفًا. جملة تتذكّرها خيار جيد.
join-submit = إنشاء حسابي
join-password-mismatch = كلمتا المرور غير متطابقتين.
join-name-missing = أدخل اسمك.
join-password-short = يجب ألّا تقلّ كلمة المرور عن 8 أحرف.
join-password-long = يجب ألّا تزيد كلمة المرور على 128 حرفًا.
join-password-common = كلمة المرور هذه من بين أكثر كلمات المرور شيوعًا. اختر كلمة مرور أخرى.
invitation-not-found = رابط الدعوة هذا غير صالح. تحقّق من أنك نسخت الرابط كاملًا.
invitation-expired = انتهت صلاحية هذه الدعوة. اطلب دعوة جديدة من أحد منسّقي الشبكة.
invitation-used = سبق أن استُخدمت هذه الدعوة. سجّل الدخول بحسابك بدلًا من ذلك.
field-municipality = البلدية
field-locale = اللغة
mail-invitation-subject = دعوتك إلى «مجلس»
mail-invitation-body = مرحبًا،

    يدعوك { $inviter } إلى «مجلس»، منصة شبكة التعلّم بين الأقران للبلديات التي تستضيف اللاجئين.

    افتح هذا الرابط لاختيار اسمك وكلمة المرور:
    { $link }

    يعمل الرابط مرة واحدة فقط، حتى { $until }.

edit-municipality = تعديل الملف التعريفي
edit-saved = تم حفظ الملف التعريفي.
edit-errors = بعض الحقول تحتاج إلى مراجعة:
edit-original-language = اللغة الأصلية
edit-name = الاسم
edit-region = المنطقة أو المحافظة
edit-figure = العدد
edit-year = السنة التي يعود إليها الرقم
edit-save = حفظ
edit-error-figure = أدخل عددًا صحيحًا بين 0 و100,000,000
edit-error-year = أدخل سنة بين 1900 والسنة الحالية
edit-error-orig = اختر إحدى اللغات الخمس
edit-error-too-long = النص طويل جدًا
edit-error-name-original = الاسم مطلوب باللغة الأصلية
edit-error-profile-original = اكتب الملف التعريفي باللغة الأصلية أيضًا
edit-error-theme = موضوع غير معروف
field-orig = اللغة الأصلية
field-name = الاسم
field-profile = الملف التعريفي
field-region = المنطقة
field-population = عدد السكان
field-latitude = خط العرض
field-longitude = خط الطول
field-population_year = السنة التي يعود إليها عدد السكان
field-refugees = اللاجئون المستضافون
field-refugees_year = السنة التي يعود إليها عدد اللاجئين
field-themes = المواضيع
municipality-new = بلدية جديدة
municipality-create = إضافة البلدية
organisation-new = منظمة جديدة
organisation-create = إضافة المنظمة
organisation-edit = تعديل بيانات المنظمة
organisation-saved = تم حفظ بيانات المنظمة.
edit-slug = العنوان المختصر في الرابط
edit-slug-hint = أحرف لاتينية صغيرة (a–z) وأرقام وشرطات، مثل «gaziantep-sahinbey». يصبح جزءًا من رابط الصفحة ولا يمكن تغييره لاحقًا.
edit-kind = النوع
edit-country = البلد
edit-acronym = الاسم المختصر
edit-website-hint = عنوان كامل يبدأ بـ https:// أو http://
edit-description = الوصف
edit-error-slug = استخدم أحرفًا لاتينية صغيرة (a–z) وأرقامًا وشرطات فقط
edit-error-slug-taken = هذا العنوان مستخدم من قبل
edit-error-kind = اختر نوعًا من القائمة
edit-error-country = اختر بلدًا من القائمة
edit-error-website = أدخل عنوانًا إلكترونيًا يبدأ بـ https:// أو http://
edit-error-description-original = اكتب الوصف باللغة الأصلية أيضًا
field-slug = العنوان المختصر
field-member_since = عضو منذ
field-acronym = الاسم المختصر
field-website = الموقع الإلكتروني
field-description = الوصف

two-factor-title = التحقق بخطوتين
two-factor-login-lead = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة، أو أحد رموز الاسترداد الخاصة بك.
two-factor-code = الرمز
two-factor-submit = متابعة
two-factor-wrong = هذا الرمز غير صحيح، أو سبق أن استُخدم.
two-factor-too-many = رموز خاطئة كثيرة جدًا. انتظر 15 دقيقة وحاول مرة أخرى.
two-factor-setup-lead = امسح هذه الصورة ضوئيًا باستخدام تطبيق للمصادقة (مثل FreeOTP أو Aegis أو Google Authenticator)، أو أدخل المفتاح فيه يدويًا، ثم أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق.
two-factor-key = المفتاح
two-factor-enable = تفعيل
two-factor-on = التحقق بخطوتين مفعَّل.
two-factor-recovery = رموز الاسترداد
two-factor-recovery-lead = احتفظ بهذه الرموز في مكان آمن. إذا فقدت هاتفك، يمكنك استخدام كل رمز منها مرة واحدة فقط. لن تُعرض هذه الرموز إلا هذه المرة.
two-factor-codes-left = رموز الاسترداد المتبقية: { $count }
two-factor-required-note = يجب على المنسّقين ومديري النظام استخدام التحقق بخطوتين؛ وهو اختياري لغيرهم.
account-two-factor = التحقق بخطوتين
error-two-factor-required-title = التحقق بخطوتين مطلوب
error-two-factor-required = تتطلّب صفحات المنسّقين ومديري النظام تفعيل التحقق بخطوتين. فعّله في حسابك أولًا.
error-action-two-factor = تفعيل التحقق بخطوتين

reset-forgot-link = هل نسيت كلمة المرور؟
reset-title = هل نسيت كلمة المرور؟
reset-lead = أدخل عنوان البريد الإلكتروني الخاص بحسابك. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة؛ يعمل الرابط مرة واحدة فقط، لمدة 15 دقيقة.
reset-send = إرسال الرابط
reset-sent = إذا كان هناك حساب يستخدم هذا العنوان، فالرابط في طريقه إليك. تحقّق من صندوق الوارد في بريدك.
reset-new-title = اختر كلمة مرور جديدة
reset-save = حفظ كلمة المرور الجديدة
reset-done = تم تغيير كلمة المرور، وسُجّل خروجك من كل مكان. سجّل الدخول باستخدام كلمة المرور الجديدة.
reset-not-found = هذا الرابط غير صالح. تحقّق من أنك نسخت الرابط كاملًا.
reset-expired = انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا.
reset-used = سبق أن استُخدم هذا الرابط. اطلب رابطًا جديدًا إذا احتجت إليه.
mail-reset-subject = اختر كلمة مرور جديدة لحسابك في «مجلس»
mail-reset-body = مرحبًا،

    طلب شخص ما تغيير كلمة المرور الخاصة بحسابك في «مجلس». إذا كنت أنت من طلب ذلك، فافتح هذا الرابط خلال { $minutes } دقيقة:
    { $link }

    إذا لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة المرور كما هي.

nav-audit = سجل التدقيق
audit-title = سجل التدقيق
audit-lead = كل تغيير في المحتوى والأدوار والإعدادات: مَن أجراه، ومتى، ومن أي عنوان.
audit-person = الشخص (الرقم)
audit-object = العنصر
audit-object-id = رقم العنصر
audit-from = من تاريخ
audit-to = إلى تاريخ
audit-when = الوقت
audit-who = مَن
audit-what = الإجراء
audit-where = عنوان المصدر
audit-empty = لا يوجد أي تغيير مسجّل يطابق معايير التصفية هذه.
audit-backup-age = آخر نسخة احتياطية سليمة: قبل { $hours } ساعة.
audit-backup-none = لم تُؤخذ أي نسخة احتياطية بعد: راجع قسم «Backups» في ملف README.
audit-system = سطر الأوامر
field-person = الشخص
field-object = العنصر
field-object_id = رقم العنصر
field-from = تاريخ البداية
field-to = تاريخ النهاية

account-download-data = تنزيل بياناتي (JSON)
delete-title = حذف حسابي
delete-lead = تُحذف فورًا بياناتك التعريفية وجلساتك وارتباطاتك بالبلديات. لا يمكن التراجع عن ذلك.
delete-kept = تبقى الإجراءات التي قمت بها على المنصة في سجلّها، منسوبةً إلى «عضو سابق». نزّل بياناتك أولًا إن أردت الاحتفاظ بنسخة منها.
delete-content-legend = ما كتبته
delete-content-keep = الإبقاء عليه منسوبًا إلى «عضو سابق»
delete-content-delete = حذفه أيضًا: مساهماتي في الاستشارات، والاستشارات التي بدأتها (مع ما كتبه الآخرون فيها)، ومسودات ممارساتي. أما الممارسات المقدَّمة باسم بلدية فتبقى للبلدية.
delete-confirm-password = كلمة المرور، للتأكيد
delete-submit = حذف حسابي نهائيًا
delete-wrong-password = كلمة المرور غير صحيحة. لم يُحذف شيء.
delete-last-admin = أنت آخر مدير للنظام. اجعل شخصًا آخر مديرًا أولًا.
delete-done = تم حذف حسابك.
audit-former-member = عضو سابق
tokens-title = رموز الواجهة البرمجية
tokens-lead = يتيح الرمز الشخصي لبرنامجٍ ما استخدام واجهة JSON البرمجية بصلاحياتك: أرسله على شكل "Authorization: Bearer …". ألغِ الرمز حالما تنتهي حاجتك إليه.
tokens-name = اسم الرمز
tokens-create = إنشاء رمز
tokens-created = هذا رمزك الجديد. انسخه الآن: لن يُعرض إلا هذه المرة.
tokens-none = ليس لديك أي رمز للواجهة البرمجية.
tokens-last-used = آخر استخدام
tokens-revoke = إلغاء
tokens-bad-name = أعطِ الرمز اسمًا من 1 إلى 100 حرف.
password-title = تغيير كلمة المرور
password-lead = بعد التغيير يُسجَّل خروجك من كل مكان، بما في ذلك هذا المتصفح؛ سجّل الدخول من جديد بكلمة المرور الجديدة.
password-current = كلمة المرور الحالية
password-current-wrong = كلمة المرور الحالية غير صحيحة. لم يتغير شيء.

## Library, practices, compendiums
nav-library = المكتبة
library-title = المكتبة
library-lead = وثائق الشبكة باللغات المتوفرة بها: مذكرات مفاهيمية وتقارير وعروض تقديمية وبطاقات ممارسات وغيرها.
library-sections = أقسام المكتبة
library-documents = الوثائق
library-practices = الممارسات الجيدة
library-compendiums = الخلاصات
library-empty = لا توجد وثيقة تطابق معايير التصفية هذه.
filter-language = اللغة
filter-year = السنة
filter-sort = الترتيب
sort-newest = الأحدث أولًا
sort-oldest = الأقدم أولًا
sort-title = حسب العنوان
form-choose = اختر…
form-required = مطلوب
form-error-choose = اختر أحد الخيارات المتاحة.
form-error-required = هذا الحقل مطلوب.
form-error-too-long = النص طويل جدًا.
form-error-year = أدخل سنة من أربعة أرقام.
form-error-period = تاريخ النهاية يسبق تاريخ البداية.
form-error-email = هذا ليس عنوان بريد إلكتروني.
form-error-link = أدخل عنوان ويب يبدأ بـ https:// أو http://.
form-error-file-or-link = أرفق ملفًا أو أدخل رابطًا.
form-error-original = املأ هذا الحقل باللغة الأصلية.
upload-hint = PDF أو Word أو PowerPoint أو Excel أو OpenDocument أو JPEG أو PNG أو WebP؛ بحدّ أقصى { $size } ميغابايت.
upload-error-empty = الملف فارغ.
upload-error-too-large = حجم الملف يتجاوز الحد المسموح به.
upload-error-type = هذا النوع من الملفات غير مقبول: تُقبل ملفات PDF والمستندات المكتبية والصور فقط.
upload-error-bomb = يتضخّم هذا الملف عند فك ضغطه إلى حجم يفوق حجمه بكثير، لذا رُفض.
upload-error-malformed = هذا الملف تالف ولا يمكن قراءته.
upload-error-failed = تعذّر حفظ الملف. لم يُحفظ أي شيء؛ يُرجى المحاولة مرة أخرى.
visibility-public = الجميع
visibility-members = الأعضاء فقط
resource-new = إضافة وثيقة
resource-authors = المؤلفون
resource-organisations = المنظمات
resource-countries = البلدان
resource-licence = الترخيص
resource-month = الشهر
resource-visibility = مَن يمكنه قراءتها
resource-languages = اللغات
resource-versions = النسخ اللغوية
resource-no-versions = لم تُضَف أي نسخة بعد.
resource-download = تنزيل
resource-open-link = فتح الرابط
resource-not-available = أُعلن عنها، وهي غير متاحة بعد
resource-practices = ممارسات جيدة ذات صلة
resource-add-version = إضافة نسخة لغوية
resource-first-version = النسخة اللغوية الأولى
resource-kind-concept-note = مذكرة مفاهيمية
resource-kind-framing-note = مذكرة إطارية
resource-kind-report = تقرير
resource-kind-presentation = عرض تقديمي
resource-kind-practice-sheet = بطاقة ممارسة
resource-kind-toolkit = مجموعة أدوات
resource-kind-policy-brief = موجز سياسات
resource-kind-compendium = خلاصة
resource-kind-programme = برنامج
resource-kind-video-link = فيديو
resource-kind-photo-reportage = تقرير مصوّر
resource-kind-dataset = مجموعة بيانات
practices-title = الممارسات الجيدة
practices-lead = ما أنجزته البلديات الأعضاء وشركاؤها، وما يمكن للآخرين أن يتعلّموه منه.
practices-empty = لا توجد ممارسة منشورة تطابق معايير التصفية هذه.
my-practices-title = ممارساتي
my-practices-lead = الممارسات التي بدأتها، وممارسات البلديات التي أنت جهة الاتصال فيها، أيًّا كانت حالتها.
review-title = بانتظار المراجعة
review-lead = ممارسات أُرسلت للمراجعة. افتح إحداها للتعليق عليها أو طلب تعديلات أو نشرها.
practice-new = تقديم ممارسة
practice-edit = تعديل
practice-versions = الإصدارات
practice-sheet-pdf = بطاقة الممارسة (PDF)
practice-status = الحالة
practice-status-draft = مسودة
practice-status-submitted = مُقدَّمة
practice-status-in-review = قيد المراجعة
practice-status-published = منشورة
practice-status-archived = مؤرشفة
practice-archived-note = أُرشفت هذه الممارسة: قد لا تكون محدّثة.
practice-original-language = اللغة الأصلية
practice-last-verified = آخر تحقّق
practice-ongoing = مستمرة
practice-period-ongoing = منذ { $start }، ولا تزال مستمرة
practice-attachments = المرفقات والوثائق
practice-no-attachments = لا توجد مرفقات بعد.
practice-add-attachment = إرفاق
practice-history = سجل المراجعة
practice-review-actions = المراجعة
practice-steps = الخطوات
practice-step-about = عن الممارسة
practice-step-story = التحدي والنهج
practice-step-results = النتائج والدروس
practice-step-finish = المرفقات والمراجعة
practice-writing-in = لغة الكتابة
practice-translation = ترجمة
practice-saved = تم الحفظ.
practice-save-continue = حفظ ومتابعة
practice-save-draft = حفظ المسودة
practice-checklist = قبل إرسالها للمراجعة
practice-complete = جميع المعلومات المطلوبة مكتملة.
practice-missing = ما زال ينقص:
practice-contact-hint = لا يظهر إلا للأعضاء الذين سجّلوا الدخول.
practice-field-title = العنوان
practice-field-summary = الملخّص
practice-field-target-groups = الفئات المستهدفة
practice-field-challenge = التحدي
practice-field-approach = النهج والأنشطة
practice-field-partners = الشركاء
practice-field-results = النتائج والمؤشرات
practice-field-lessons = عوامل النجاح والدروس المستفادة
practice-field-transferability = قابلية النقل والموارد اللازمة
practice-field-owner = البلدية أو المنظمة
practice-field-country = البلد
practice-field-city = المدينة
practice-field-department = القسم
practice-field-contact = الشخص المسؤول عن التواصل
practice-field-contact-name = الشخص المسؤول عن التواصل
practice-field-contact-email = البريد الإلكتروني للتواصل
practice-field-themes = المواضيع
practice-field-period = الفترة
practice-field-start-year = من (السنة)
practice-field-end-year = إلى (السنة)
practice-field-presenter = قدّمها
practice-field-presented-at = مكان عرضها
practice-field-comment = تعليق
practice-field-orig = اللغة الأصلية
practice-field-kind = النوع
practice-field-year = السنة
practice-field-month = الشهر
practice-field-visibility = مَن يمكنه قراءتها
practice-field-countries = البلدان
practice-field-organisations = المنظمات
practice-field-authors = المؤلفون
practice-field-licence = الترخيص
practice-field-introduction = المقدّمة
practice-field-edition = الطبعة
practice-field-publisher = الناشر
practice-field-practices = الممارسات
practice-field-version-lang = اللغة
practice-field-version-title = العنوان بهذه اللغة
practice-field-version-file = الملف
practice-field-version-url = أو رابط
practice-action-submitted = إرسال للمراجعة
practice-action-review-started = بدء المراجعة
practice-action-changes-requested = طلب تعديلات
practice-action-published = نشر
practice-action-archived = أرشفة
practice-action-comment = تعليق
practice-review-submitted = أُرسلت للمراجعة
practice-review-review-started = بدأت المراجعة
practice-review-changes-requested = طُلبت تعديلات
practice-review-published = نُشرت
practice-review-archived = أُرشفت
practice-review-comment = تعليق
former-member = عضو سابق
versions-from = من الإصدار
versions-to = إلى الإصدار
versions-compare = مقارنة
versions-changes = { $count ->
    [zero] لا توجد تغييرات
    [one] تغيير واحد
    [two] تغييران
    [few] { $count } تغييرات
    [many] { $count } تغييرًا
   *[other] { $count } تغيير
}
compendiums-title = الخلاصات
compendiums-lead = مختارات من الممارسات الجيدة حسب الموضوع، للقراءة هنا أو للطباعة.
compendiums-empty = لم تُنشر أي خلاصة بعد.
compendium-new = طبعة جديدة
compendium-draft = مسودة
compendium-published = منشورة
compendium-pdf = تنزيل بصيغة PDF
compendium-contents = المحتويات
compendium-introduction = المقدّمة
compendium-edition = الطبعة (مثلًا: مايو 2017)
compendium-publisher = الناشر
compendium-arrange = اختيار الممارسات
compendium-arrange-lead = ضع الممارسات المنشورة في فصول حسب الموضوع وحدّد ترتيبها، واترك الممارسات الأخرى جانبًا.
compendium-published-practices = الممارسات المنشورة
compendium-chapter = الفصل
compendium-order = الترتيب
compendium-not-included = غير مُدرجة
print-footer = «مجلس» · شبكة التعلّم بين الأقران للبلديات المستضيفة

## Events
nav-events = الفعاليات
events-title = الفعاليات
events-lead = ورش العمل بين الأقران والندوات عبر الإنترنت والزيارات الميدانية ووحدات الأكاديمية التي تنظّمها الشبكة: البرامج والمواد وما أسفرت عنه.
events-empty = لا توجد فعالية تطابق معايير التصفية هذه.
events-when = أيّ الفعاليات
events-when-upcoming = القادمة
events-when-past = السابقة
events-when-all = الكل
events-subscribe = الاشتراك في هذه الفعاليات (iCalendar)
events-mine = فعالياتي
events-mine-empty = لست مسجّلًا في أي فعالية.
events-calendar-name = فعاليات «مجلس»
events-my-calendar-name = فعالياتي في «مجلس»
events-my-feed = تقويمك الشخصي
events-my-feed-hint = عنوان سرّي يمكن لبرامج التقويم متابعته: يعرض الفعاليات التي سجّلت فيها. يستطيع كل من لديه هذا العنوان قراءة القائمة، لذا احتفظ به لنفسك.
events-my-feed-new = هذا عنوانك الجديد. لن يُعرض إلا هذه المرة: انسخه الآن إلى برنامج التقويم لديك.
events-my-feed-address = عنوان التقويم
events-my-feed-exists = لديك عنوان تقويم. إنشاء عنوان جديد يوقف عمل العنوان القديم.
events-my-feed-create = إنشاء عنوان للتقويم
events-my-feed-replace = إنشاء عنوان جديد
event-new = فعالية جديدة
event-edit = تعديل الفعالية
event-edit-programme = تعديل البرنامج
event-edit-outcomes = تعديل المخرجات
event-registrations = التسجيلات
event-manage = إدارة الفعالية
event-clone = نسخ كفعالية جديدة
event-series = السلسلة
event-when = الموعد
event-where = المكان
event-times-in = الأوقات بتوقيت
event-date-approximate = (التاريخ الدقيق غير مسجّل)
event-online = عبر الإنترنت
event-online-link = رابط الانضمام عبر الإنترنت
event-online-link-hidden = يُعرض رابط الانضمام على المشاركين المسجّلين.
event-organisers = الجهات المنظِّمة
event-partners = الشركاء
event-languages = لغات العمل
event-interpretation = الترجمة الفورية
event-add-to-calendar = إضافة إلى تقويمي (iCalendar)
event-registration = التسجيل
event-capacity = { $count ->
    [zero] لا توجد مقاعد
    [one] مقعد واحد
    [two] مقعدان
    [few] { $count } مقاعد
    [many] { $count } مقعدًا
   *[other] { $count } مقعد
}
event-places-left = { $count ->
    [0] لم يتبقَّ أي مقعد
    [zero] لم يتبقَّ أي مقعد
    [one] بقي مقعد واحد
    [two] بقي مقعدان
    [few] بقيت { $count } مقاعد
    [many] بقي { $count } مقعدًا
   *[other] بقي { $count } مقعد
}
event-waiting-count = { $count ->
    [zero] لا أحد في قائمة الانتظار
    [one] شخص واحد في قائمة الانتظار
    [two] شخصان في قائمة الانتظار
    [few] { $count } أشخاص في قائمة الانتظار
    [many] { $count } شخصًا في قائمة الانتظار
   *[other] { $count } شخص في قائمة الانتظار
}
event-programme = البرنامج
event-programme-empty = لا يتضمّن البرنامج أي جلسة بعد.
event-day = اليوم { $number }
event-materials = المواد
event-material-announced = أُعلن عنها، وهي غير متاحة بعد
event-outcomes = المخرجات
event-report = التقرير
event-takeaways = الرسائل الرئيسية
event-practices-presented = الممارسات المعروضة
event-outcomes-later = المشاورات وأفكار المشاريع
event-outcomes-later-hint = ستُدرج هنا المشاورات التي عُقدت وأفكار المشاريع التي انبثقت عن هذه الفعالية فور تسجيلها.
event-outcomes-empty = لم يُسجَّل أي شيء عن المخرجات بعد.
event-participants = المشاركون
event-participants-total = { $count ->
    [zero] لا يوجد مشاركون
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}
event-figures-by-hand = أرقام أدخلها المنسّقون استنادًا إلى سجلات الفعالية
event-figures-attendance = محسوبة من تسجيلات الحضور
event-figures-registrations = محسوبة من التسجيلات
event-figures-by-country = المشاركون حسب البلد
event-figures-by-kind = المشاركون حسب نوع الجهة
event-figures-count = المشاركون
event-figures-kind = نوع الجهة
event-figures-countries = البلدان الممثَّلة
event-figures-unknown = غير محدَّد
event-figures-none = لم تُسجَّل أي أرقام عن المشاركين.
event-participant-list = المشاركون الذين وافقوا على إدراج أسمائهم
event-participant-list-hint = لا يظهر هنا إلا من أعطوا موافقتهم، ويمكنهم سحبها في أي وقت.
event-form-description = الوصف
event-form-translation-hint = أنت تضيف ترجمة: الحقول المتروكة فارغة تحتفظ بالنص الأصلي.
event-form-kind = النوع وإمكانية الاطلاع
event-form-time-place = الزمان والمكان
event-field-title = العنوان
event-field-summary = الملخّص
event-field-context = السياق والمبرّرات
event-field-objectives = الأهداف
event-field-expected-results = النتائج المتوقعة
event-field-audience = الفئة المستهدفة
event-field-kind = نوع الفعالية
event-field-status = الحالة
event-field-visibility = مَن يمكنه الاطلاع عليها
event-field-series = السلسلة
event-field-themes = المواضيع
event-field-timezone = المنطقة الزمنية
event-field-starts = البداية
event-field-ends = النهاية
event-field-city = المدينة
event-field-country = البلد
event-field-address = عنوان المكان
event-field-online = تُعقد عبر الإنترنت (أو عبر الإنترنت أيضًا)
event-field-online-url = رابط الانضمام عبر الإنترنت
event-field-languages = لغات العمل
event-field-interpretation = الترجمة الفورية
event-field-organisers = الجهات المنظِّمة
event-field-partners = الشركاء
event-field-capacity = عدد المقاعد
event-field-needs-approval = تتطلّب التسجيلات موافقة أحد المنسّقين
event-field-registration-opens = بدء التسجيل
event-field-registration-closes = انتهاء التسجيل
event-field-questions = الأسئلة المطروحة عند التسجيل
event-field-answers = الإجابات
event-field-day = اليوم
event-field-position = الترتيب في اليوم
event-field-session-starts = تبدأ في
event-field-session-ends = تنتهي في
event-field-session-kind = نوع الجلسة
event-field-parent = مجموعة عمل ضمن جلسة
event-field-session = الجلسة
event-field-role = الدور
event-field-email = عنوان البريد الإلكتروني لأحد الأعضاء
event-field-name = الاسم
event-field-organisation = المنظمة
event-field-affiliation = المنصب والجهة
event-field-resource = وثيقة من المكتبة
event-field-report = التقرير (وثيقة من المكتبة)
event-field-takeaways = الرسائل الرئيسية
event-field-practices = الممارسات المعروضة
event-field-total = عدد المشاركين
event-field-by-country = المشاركون حسب البلد
event-field-countries = البلدان الممثَّلة
event-field-note = مصدر الأرقام
event-hint-summary = جملة أو جملتان تظهران في القوائم.
event-hint-context = سبب عقد الفعالية. افصل بين الفقرات بسطر فارغ.
event-hint-objectives = هدف واحد في كل سطر.
event-hint-expected-results = نتيجة واحدة في كل سطر.
event-hint-audience = مَن ينبغي أن يشارك.
event-hint-timezone = المنطقة الزمنية لمكان الانعقاد، مثل Europe/Istanbul أو Asia/Amman؛ وللفعاليات عبر الإنترنت، المنطقة الزمنية للجهة المنظِّمة.
event-hint-online-url = لا يظهر إلا للمشاركين المسجّلين وللمنسّقين.
event-hint-capacity = اتركه فارغًا إذا لم يكن هناك حدّ. عند نفاد المقاعد، ينضمّ الأشخاص إلى قائمة الانتظار.
event-hint-questions = سؤال واحد في كل سطر. ابدأ السطر بـ * لجعل السؤال إلزاميًا.
event-hint-position = رقم؛ اتركه فارغًا لوضع الجلسة في آخر يومها.
event-hint-parent = اختر جلسة لجعل هذه الجلسة مجموعة عمل موازية ضمنها.
event-hint-person-email = لعضو في «مجلس». أما للضيف، فاتركه فارغًا واكتب الاسم.
event-hint-takeaways = رسالة واحدة في كل سطر.
event-hint-by-country = سطر واحد لكل بلد: رمزه المكوّن من حرفين ثم عدد، مثل TR 38.
event-hint-countries = رموز من حرفين تفصل بينها مسافات، عندما لا تُعرف إلا قائمة البلدان.
event-figures-by-hand-legend = أرقام المشاركين المُدخلة يدويًا
event-figures-by-hand-hint = للفعاليات التي عُقدت دون تسجيل على «مجلس». تشير صفحة الفعالية إلى أن الأرقام أُدخلت يدويًا.
event-no-practices = لم تُنشر أي ممارسة بعد.
event-not-translated = لم يُترجم إلى هذه اللغة بعد
event-session-add = إضافة جلسة
event-session-edit = تعديل الجلسة
event-session-delete = حذف الجلسة
event-person-add = إضافة شخص إلى جلسة
event-person-remove = إزالة
event-material-attach = إرفاق وثيقة
event-whole-event = الفعالية بأكملها
event-detach = إلغاء الإرفاق
event-kind-peer-workshop = ورشة عمل بين الأقران
event-kind-webinar = ندوة عبر الإنترنت
event-kind-field-visit = زيارة ميدانية
event-kind-dialogue-workshop = ورشة حوار
event-kind-academy-module = وحدة تدريبية في الأكاديمية
event-status-planned = مخطَّط لها
event-status-open = التسجيل مفتوح
event-status-held = عُقدت
event-status-cancelled = أُلغيت
session-kind-opening = الافتتاح
session-kind-keynote = الكلمة الرئيسية
session-kind-panel = حلقة نقاش مُدارة وجلسة عامة
session-kind-working-groups = مجموعات عمل متوازية
session-kind-recap = تلخيص
session-kind-field-visit = زيارة ميدانية
session-kind-consultation-clinic = عيادة استشارية
session-kind-presentations = عروض تقديمية
session-kind-results = عرض النتائج
session-kind-next-steps = الخطوات التالية
session-kind-closing = الختام
session-role-moderator = مدير الجلسة
session-role-rapporteur = مقرّر
session-role-speaker = متحدث
session-role-panellist = متحدث في حلقة النقاش
session-role-facilitator = ميسّر
session-role-expert = خبير
session-role-keynote = متحدث رئيسي
registration-register = التسجيل في الفعالية
registration-join-waiting = الانضمام إلى قائمة الانتظار
registration-sign-in = سجّل الدخول للتسجيل في الفعالية
registration-not-open = التسجيل غير مفتوح.
registration-needs-approval = يؤكّد أحد المنسّقين كل تسجيل.
registration-consent = إدراج اسمي واسم منظمتي ضمن قائمة المشاركين في الصفحة العامة
registration-consent-save = حفظ اختياري
registration-cancel = إلغاء تسجيلي
registration-you-registered = أنت مسجّل.
registration-you-waiting = أنت على قائمة الانتظار؛ ستتلقّى رسالة بالبريد الإلكتروني إذا شغر مقعد.
registration-you-pending = تسجيلك بانتظار موافقة أحد المنسّقين.
registration-you-cancelled = ألغيت تسجيلك.
registration-you-declined = لم يُقبل تسجيلك.
registration-error-closed = التسجيل في هذه الفعالية مغلق.
registration-error-already = هذا الشخص مسجّل بالفعل.
registration-error-state = تغيّر هذا التسجيل في هذه الأثناء؛ راجع القائمة مرة أخرى.
registration-status = الحالة
registration-status-registered = مسجّل
registration-status-waiting = قائمة الانتظار
registration-status-pending = بانتظار الموافقة
registration-status-cancelled = ملغى
registration-status-declined = مرفوض
registration-count-registered = المسجّلون: { $count }
registration-count-waiting = في قائمة الانتظار: { $count }
registration-count-pending = بانتظار الموافقة: { $count }
registration-count-attended = الحاضرون: { $count }
registration-add = تسجيل عضو
registration-add-hint = عنوان البريد الإلكتروني للعضو؛ يُسجَّل نيابةً عنه.
registration-list = التسجيلات
registration-list-empty = لم يسجّل أحد بعد.
registration-answers = الإجابات
registration-actions = الإجراءات
registration-approve = الموافقة
registration-decline = الرفض
registration-check-in = تسجيل الحضور
registration-undo-check-in = التراجع عن تسجيل الحضور
registration-cancel-for = إلغاء
registration-attended = حضر
registration-listed = مُدرج علنًا
edit-writing-in = لغة الكتابة
edit-original = النص الأصلي
form-error-timezone = اختر منطقة زمنية من القائمة، مثل Europe/Istanbul.
form-error-datetime = أدخل تاريخًا ووقتًا، مثل 2026-03-14T09:30.
form-error-ends-before-starts = يجب أن تأتي النهاية بعد البداية.
form-error-too-long-event = لا يجوز أن تتجاوز مدة الفعالية 31 يومًا.
form-error-venue = أدخل مدينة، أو حدّد أن الفعالية تُعقد عبر الإنترنت.
form-error-capacity = أدخل عددًا صحيحًا من 1 إلى 100000، أو اترك الحقل فارغًا.
form-error-too-many-questions = لا تطرح أكثر من 10 أسئلة.
form-error-number = أدخل عددًا صحيحًا.
form-error-time = أدخل الوقت بالساعات والدقائق، مثل 14:30.
form-error-no-member = لا يوجد عضو نشط بعنوان البريد الإلكتروني هذا.
form-error-name-or-member = أدخل عنوان البريد الإلكتروني لأحد الأعضاء أو اسم ضيف.
form-error-country-lines = يجب أن يحتوي كل سطر على رمز بلد معروف من حرفين وعدد، مثل TR 38.
form-error-more-than-total = مجموع أعداد البلدان يتجاوز عدد المشاركين.
mail-event-promoted-subject = شغر مقعد لك: { $event }
mail-event-promoted-body = مرحبًا،

    شغر مقعد وأصبحت الآن مسجّلًا في فعالية «{ $event }».
    تجد التفاصيل في صفحة الفعالية:
    { $link }

    إذا لم تعد قادرًا على الحضور، فيُرجى إلغاء تسجيلك من هناك ليتمكّن شخص آخر من أخذ المقعد.
mail-event-reminder-subject = غدًا: { $event }
mail-event-reminder-body = مرحبًا،

    نذكّرك بأن فعالية «{ $event }» تبدأ في { $when }.
    المكان: { $place }

    البرنامج والمواد:
    { $link }
event-field-registration = التسجيل

## Search
nav-search = البحث
search-title = البحث
search-label = ابحث في الممارسات والوثائق والفعاليات والأعضاء، بأي لغة
search-button = ابحث
search-hint = الكلمات بالعربية أو التركية أو الإنجليزية أو الفرنسية أو الألمانية تجد أيضاً ما كُتب باللغات الأخرى في الموضوع نفسه.
search-sort = الترتيب
search-sort-relevance = الأكثر صلة أولاً
search-sort-newest = الأحدث أولاً
search-refine = تضييق النتائج
search-clear-filters = إزالة عوامل التصفية
search-facet-type = النوع
search-facet-theme = الموضوع
search-facet-country = البلد
search-facet-language = اللغة
search-facet-year = السنة
search-start = اكتب بضع كلمات للبحث.
search-empty = لم يُعثر على شيء. جرّب كلمات أخرى أو كلمات أقل، أو أزل أحد عوامل التصفية.
search-type-practice = ممارسة جيدة
search-type-resource = وثيقة
search-type-event = فعالية
search-type-organisation = منظمة
search-type-municipality = بلدية
search-related = ذو صلة
practice-presented-at-events = عُرضت في
resource-used-at-events = الفعاليات
resource-edit = تعديل الوثيقة
resource-delete = حذف الوثيقة
resource-delete-hint = تختفي الوثيقة وكل نسخها اللغوية من المكتبة ومن الفعاليات والممارسات. لا يمكن التراجع عن ذلك.
resource-delete-confirm = نعم، احذفها
resource-deleted = حُذفت الوثيقة.
practice-delete = حذف الممارسة
practice-delete-hint = تختفي الممارسة وإصداراتها ومرفقاتها من المكتبة ومن الخلاصات والفعاليات، وتحتفظ المشاورات التي عُرضت فيها بما كُتب. لا يمكن التراجع عن ذلك.
practice-delete-confirm = نعم، احذفها
practice-deleted = حُذفت الممارسة.
compendium-describe = تعديل الوصف
compendium-translation-hint = أنت تكتب ترجمة: النص الأصلي معروض فوق الحقول، والحقل المتروك فارغًا يُعرض باللغة الأصلية.
compendium-chapter-introductions = مقدّمات الفصول
compendium-chapter-introductions-hint = تُطبع تحت عنوان كل فصل، في الصفحة وفي ملف PDF. يظهر الفصل هنا بعد وضع ممارسات فيه وحفظها.
compendium-delete = حذف هذه الطبعة
compendium-delete-hint = تختفي الطبعة وفصولها واختيار الممارسات فيها، وتبقى الممارسات نفسها في المكتبة. لا يمكن التراجع عن ذلك.
compendium-delete-confirm = نعم، احذفها
compendium-deleted = حُذفت الطبعة.

## Consultations
nav-consultations = المشاورات
search-type-dilemma = مشاورة
consultations-title = المشاورات بين الأقران
consultations-lead = تعرض مدينةٌ معضلةً تتعلق بالسياسات، فيطرح الأقران أسئلة مفتوحة ويتبادلون ما نجح في أماكن أخرى، ثم تُسجَّل النتيجة.
consultations-count = { $count ->
    [zero] لا توجد مشاورات
    [one] مشاورة واحدة
    [two] مشاورتان
    [few] { $count } مشاورات
    [many] { $count } مشاورة
   *[other] { $count } مشاورة
}
consultations-none = لا توجد مشاورة تطابق معايير التصفية هذه.
consultation-new = اعرض معضلة على الأقران
consultation-new-lead = صِف معضلتك في صورة سؤال، وقدّم المعلومات التي يحتاج إليها الأقران. تُحفظ المعضلة كمسودة، ثم تفتحها لفترة محددة وتدعو الأقران.
consultation-save-draft = حفظ المسودة
consultation-dilemma = المعضلة
consultation-moderation = المساهمات المُبلَّغ عنها
consultation-open = فتح المشاورة
consultation-open-hint = يمكن للأقران بعد ذلك طرح أسئلة مفتوحة لمدة { $days ->
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
consultation-open-ideas = فتح المرحلة الثانية: الأفكار والتجارب
consultation-ideas-hint = يطرح الأقران أولًا أسئلة مفتوحة وتجيب أنت عنها. وعندما يحصل كل سؤال على إجابته، افتح المرحلة الثانية ليتمكّن الأقران من تبادل الأفكار والتجارب والممارسات.
consultation-unanswered = { $count ->
    [zero] لم يبقَ أي سؤال بانتظار إجابتك.
    [one] ما زال سؤال واحد بانتظار إجابتك.
    [two] ما زال سؤالان بانتظار إجابتك.
    [few] ما زالت { $count } أسئلة بانتظار إجابتك.
    [many] ما زال { $count } سؤالًا بانتظار إجابتك.
   *[other] ما زال { $count } سؤال بانتظار إجابتك.
}
consultation-open-questions = الأسئلة المفتوحة
consultation-ideas-shared = الأفكار والممارسات المطروحة
consultation-no-questions = لم يُطرح أي سؤال مفتوح بعد.
consultation-no-ideas = لم تُطرح أي فكرة أو تجربة بعد.
consultation-contribute = شارك
consultation-phase-one-hint = المرحلة الأولى: اطرح سؤالًا مفتوحًا يساعد مقدّم المعضلة على التأمّل فيها. أما الأفكار فتأتي في المرحلة الثانية.
consultation-phase-two-hint = المرحلة الثانية: شارك فكرة أو تجربة، أو ممارسة أو وثيقة من المكتبة.
consultation-send = إرسال
consultation-conclude = الاستنتاج
consultation-conclude-send = حفظ الاستنتاج وإغلاق المشاورة
consultation-archive = أرشفة هذه المشاورة
consultation-participants = المشاركون
consultation-suggested-peers = أقران يمكن دعوتهم
consultation-invite-after-open = تُرسَل الدعوات بالبريد الإلكتروني بعد فتح المشاورة.
consultation-no-suggestions = لا يوجد أقران لاقتراحهم: أضف مواضيع إلى المعضلة، أو اطلب ذلك من أحد المنسّقين.
consultation-invite-legend = مقترحون بناءً على المواضيع المشتركة والممارسات ذات الصلة
consultation-invite = دعوة
consultation-former-member = عضو سابق
consultation-question-n = السؤال { $n }
consultation-report-of = المشاورات في فعالية «{ $event }»
consultation-wrapup = الخلاصة الختامية
consultation-wrapup-session = جلسة الخلاصة الختامية
consultation-error-closed = لا تقبل هذه المشاورة أي مساهمات.
consultation-error-period-over = انتهت فترة هذه المشاورة؛ ولم يعد ممكنًا سوى كتابة استنتاجها.
consultation-error-ideas-not-open = يُفتح باب الأفكار في المرحلة الثانية، بعد أن يجيب مقدّم المعضلة عن الأسئلة المفتوحة.
consultation-error-unanswered = أجب عن كل الأسئلة المفتوحة قبل فتح المرحلة الثانية.
consultation-error-not-draft = هذه المشاورة مفتوحة بالفعل.
consultation-error-not-question = لا يُجاب إلا عن الأسئلة المفتوحة.
consultation-error-not-concluded = لا يمكن أرشفة إلا المشاورات المختتمة.
consultation-error-question-short = اكتب المعضلة في صورة سؤال لا يقل عن 10 أحرف.
consultation-error-period = أدخل عدد أيام من 1 إلى 60.
consultation-error-municipality = اختر بلدية تنتمي إليها.
consultation-error-url = أدخل عنوان ويب يبدأ بـ https:// أو http://.
consultation-error-link-missing = اختر ممارسة أو وثيقة، أو أدخل عنوان ويب.
consultation-error-nobody = اختر شخصًا واحدًا على الأقل.
form-error-unknown = هذا ليس أحد الخيارات المتاحة.
dilemma-closes = تُغلق في
dilemma-phase-questions = الأسئلة المفتوحة
dilemma-phase-ideas = الأفكار والتجارب
dilemma-joint = نوقشت بالاشتراك مع
dilemma-field-question = المعضلة في صورة سؤال
dilemma-field-information = معلومات عن المعضلة
dilemma-field-result = نتيجة النقاش
dilemma-field-status = الحالة
dilemma-field-presenter = قدّمها
dilemma-field-affiliation = البلدية أو المنظمة
dilemma-field-municipality = البلدية
dilemma-field-organisation = المنظمة
dilemma-field-place = المكان
dilemma-field-city = المدينة
dilemma-field-country = البلد
dilemma-field-themes = المواضيع
dilemma-field-help = المساعدة المطلوبة
dilemma-field-visibility = مَن يمكنه قراءتها
dilemma-field-period = مدة فتحها (بالأيام)
dilemma-field-event = نوقشت في
dilemma-field-kind = نوع المساهمة
dilemma-field-text = مساهمتك
dilemma-field-practice = ممارسة جيدة
dilemma-field-resource = وثيقة
dilemma-field-url = عنوان الويب
consultation-choices-hint = تعرض القائمتان حتى { $n } من الممارسات والوثائق، وأولها ما يتناول مواضيع هذه الاستشارة. لمشاركة غيرها، الصق عنوانها أدناه.
dilemma-field-answer = الإجابة
dilemma-field-reason = السبب
dilemma-field-people = الأشخاص
dilemma-field-key = النموذج
dilemma-field-author-name = صاحب المداخلة
dilemma-field-author = المؤلف
dilemma-field-wrapup = رسالة الخلاصة الختامية
dilemma-hint-question = مثال: كيف يمكننا الوصول إلى الأطفال الذين لا ترى أسرهم في بلدنا سوى بلد عبور؟ 500 حرف كحد أقصى.
dilemma-hint-information = السياق الذي يحتاج إليه الأقران: ما الذي جرّبته، ومَن المعنيّون، وما الذي يحدّ من قدرتك. 5000 حرف كحد أقصى.
dilemma-hint-period = من 1 إلى 60 يومًا؛ 14 يومًا إذا تُرك الحقل فارغًا.
dilemma-status-draft = مسودة
dilemma-status-open = مفتوحة: الأسئلة
dilemma-status-in-discussion = قيد النقاش
dilemma-status-concluded = مختتمة
dilemma-status-archived = مؤرشفة
dilemma-visibility-public = الجميع
dilemma-visibility-members = الأعضاء الذين سجّلوا الدخول
dilemma-visibility-participants = المشاركون فيها فقط
contribution-kind-question = سؤال مفتوح
contribution-kind-idea = فكرة
contribution-kind-experience = تجربة
contribution-kind-link = ممارسة أو وثيقة
help-sought-practices = ممارسات نجحت في أماكن أخرى
help-sought-experience = تجارب الأقران
help-sought-expertise = مشورة الخبراء
help-sought-partners = شركاء لمشروع
participant-role-presenter = مقدّم المعضلة
participant-role-invited = مدعو
participant-role-rapporteur = مقرّر
suggest-reason-municipality = يعمل على هذه المواضيع
suggest-reason-expert = خبير في هذه المواضيع
suggest-reason-practice = مؤلف ممارسة ذات صلة
contribution-helped = كان هذا مفيدًا
contribution-hidden = أخفاها أحد المشرفين
contribution-reports = { $count ->
    [zero] لم يُبلَّغ عنها
    [one] أُبلغ عنها مرة واحدة
    [two] أُبلغ عنها مرتين
    [few] أُبلغ عنها { $count } مرات
    [many] أُبلغ عنها { $count } مرة
   *[other] أُبلغ عنها { $count } مرة
}
contribution-answer = إجابة مقدّم المعضلة
contribution-your-answer = إجابتك
contribution-answer-send = أجب
contribution-mark-helped = وضع علامة «مفيد»
contribution-unmark-helped = إزالة علامة «مفيد»
contribution-flag = الإبلاغ إلى أحد المشرفين
contribution-flag-reason = ما المشكلة فيها؟
contribution-flag-send = إبلاغ
moderation-title = الإشراف
moderation-reason = السبب (يُحفظ في سجل التدقيق)
moderation-reasons = الأسباب المذكورة
moderation-hide = إخفاء
moderation-restore = استعادة
moderation-none = لا توجد مساهمة بانتظار أحد المشرفين.
clinic-title = جلسة الاستشارة
clinic-queue = معضلات هذه الجلسة
clinic-queue-empty = لم تُدرج أي معضلة في هذه الجلسة بعد.
clinic-add-dilemma = إضافة معضلة إلى الجلسة
clinic-record = تسجيل سؤال أو فكرة أو ممارسة
clinic-record-send = تسجيل
clinic-said-by = صاحب المداخلة (اختياري)
clinic-result = نتيجة النقاش
clinic-result-send = حفظ النتيجة
clinic-no-wrapups = لا توجد رسالة خلاصة ختامية بعد.
clinic-wrapup-author = المؤلف
clinic-wrapup-text = رسالة الخلاصة الختامية
clinic-wrapup-send = إضافة الخلاصة الختامية
clinic-report = التقرير
clinic-report-html = قراءة التقرير
clinic-report-pdf = التقرير بصيغة PDF
clinic-report-preview = معاينة التقرير
clinic-report-unpublished = لم يُنشر بعد
clinic-report-draft = لم يُنشر هذا التقرير بعد؛ لا يراه إلا الأشخاص الذين يسجّلون الجلسة.
clinic-publish = نشر التقرير
clinic-withdraw = سحب التقرير
practice-discussed-in = نوقشت في المشاورات
event-consultations = جلسات الاستشارة
event-consultations-report = تقرير المشاورات
mail-consultation-invited-subject = يدعوك { $inviter } إلى مشاورة بين الأقران
mail-consultation-invited-body = مرحبًا،

    يدعوك { $inviter } إلى المساعدة في هذه المعضلة:
    { $question }

    اقرأها، واطرح سؤالًا مفتوحًا، ثم شارك لاحقًا ما نجح لديك:
    { $link }

## Open registration
register-title = طلب حساب
register-lead = عرّفنا بنفسك. يقرأ أحد منسّقي الشبكة كل طلب ويجيب عنه بالبريد الإلكتروني.
register-affiliation = بلديتك أو منظمتك، ومنصبك
register-note = كلمة للمنسّقين (اختياري)
register-submit = أرسل طلبي
register-done = شكرًا لك. إن كان يمكن لهذا العنوان الانضمام، فسيجيبك أحد المنسّقين بالبريد الإلكتروني.
register-link = ليس لديك حساب بعد؟ اطلب حسابًا.
people-requests = طلبات الانضمام
people-request-approve = قبول طلب { $name }
people-request-decline = رفض طلب { $name }
mail-signup-received-subject = طلبك للانضمام إلى مجلس
mail-signup-received-body = مرحبًا،

    تلقّينا طلبك لفتح حساب. سيقرؤه أحد منسّقي الشبكة ويجيبك بالبريد الإلكتروني.
    { $link }
mail-signup-existing-subject = طلب أحدهم الانضمام إلى مجلس بعنوانك
mail-signup-existing-body = مرحبًا،

    طلب أحدهم حسابًا جديدًا بهذا العنوان الإلكتروني، وله حساب بالفعل. إن كنت أنت، فسجّل الدخول، أو اختر كلمة مرور جديدة من هنا:
    { $link }

    وإن لم تكن أنت، فلا حاجة إلى أي إجراء.
mail-signup-approved-subject = حسابك في مجلس جاهز
mail-signup-approved-body = مرحبًا،

    وافق أحد المنسّقين على طلبك. سجّل الدخول بعنوان بريدك الإلكتروني وكلمة المرور التي اخترتها:
    { $link }
mail-signup-declined-subject = طلبك للانضمام إلى مجلس
mail-signup-declined-body = مرحبًا،

    لم يتمكّن أحد المنسّقين من قبول طلبك لفتح حساب، وقد حُذف الطلب. إن رأيت أن في ذلك خطأ، فراسل منسّقي الشبكة.
    { $link }
clinic-joint = نوقشت مع معضلة أخرى
clinic-joint-with = نوقشت مع
clinic-joint-none = وحدها
clinic-error-joint = اختر معضلة من هذه الجلسة نوقشت وحدها؛ فالمعضلة المختارة تحمل النتيجة المشتركة.
consultation-invite-as = الدعوة بصفة
dilemma-field-with = نوقشت مع
affiliations-title = الانتماءات
affiliations-lead = البلديات والمنظمات التي ينتمي إليها هذا الشخص. ضابط الاتصال يعمل باسم البلدية: يعدّل ملفها ويقدّم ممارساتها.
affiliations-none = لا انتماء بعد.
affiliations-add = إضافة انتماء
affiliations-to = البلدية أو المنظمة
affiliations-position = المنصب (اختياري)
affiliations-focal-point = ضابط اتصال
affiliations-focal-point-hint = ضابط اتصال هذه البلدية (لا ينطبق على المنظمات)
affiliations-remove = إزالة الانتماء إلى { $name }
affiliations-error-choose = اختر بلدية أو منظمة من القائمة.

# trust repairs: uploads
upload-limits = في كل نموذج: { $files } ملفات كحدّ أقصى، و{ $total } ميغابايت إجمالًا.
upload-quota-used = تشغل ملفاتك المحفوظة { $used } ميغابايت من أصل { $quota } ميغابايت المخصّصة لك.
upload-error-form-too-large = مجموع ملفات هذا النموذج أكبر من الحدّ المسموح به للنموذج الواحد.
upload-error-quota = هذا الملف سيجعل ملفاتك المحفوظة تتجاوز الحصة المخصّصة لك (استخدامك الحالي مبيّن تحت حقل الملف).

# surveys
nav-surveys = الاستطلاعات
surveys-title = استطلاعات البلديات الأعضاء
surveys-lead = ما تسأل عنه الشبكة بلدياتها الأعضاء، وما أجابت به. تجيب جهة الاتصال في كل بلدية مستهدفة باسمها.
surveys-none = لا يوجد أي استطلاع بعد.
survey-new = استطلاع جديد من ملف XLSForm
survey-to-answer = بلديتك مدعوّة إلى الإجابة عن هذا الاستطلاع.
survey-status-draft = قيد الإعداد
survey-status-open = مفتوح
survey-status-closed = مغلق
survey-audience-public = الجميع
survey-audience-members = الأعضاء الذين سجّلوا الدخول
survey-audience-staff = فريق الشبكة فقط
survey-by-none = دون تفصيل
survey-by-country = حسب البلد
survey-by-population = حسب عدد السكان
survey-by-refugees = حسب عدد اللاجئين لكل 100 نسمة
survey-band-population-under-50k = أقل من 50,000 نسمة
survey-band-population-50k-250k = من 50,000 إلى 250,000 نسمة
survey-band-population-250k-1m = من 250,000 إلى مليون نسمة
survey-band-population-over-1m = أكثر من مليون نسمة
survey-band-refugees-under-5 = أقل من 5 لاجئين لكل 100 نسمة
survey-band-refugees-5-15 = من 5 إلى 15 لاجئًا لكل 100 نسمة
survey-band-refugees-15-30 = من 15 إلى 30 لاجئًا لكل 100 نسمة
survey-band-refugees-over-30 = أكثر من 30 لاجئًا لكل 100 نسمة
survey-group-unknown = غير معروف
survey-synthetic = إجابات هذا الاستطلاع وهمية: كُتبت لأغراض العرض التوضيحي، ولم تقدّمها البلديات.
survey-field-status = الحالة
survey-window = فترة الإجابة
survey-questions = الأسئلة
survey-version = الإصدار
survey-event = الفعالية
survey-response-rate = نسبة الاستجابة
survey-responses = الإجابات المحتسبة
survey-results = النتائج
survey-preview = معاينة النموذج
survey-preview-lead = جميع صفحات النموذج وجميع أسئلته، مع الشروط التي تُظهرها أو تتخطّاها.
survey-form-languages = لغات النموذج
survey-shown-when = يظهر عندما:
survey-download-form = تنزيل ملف XLSForm
survey-your-answers = إجابات بلديتك
survey-answer-now = الإجابة عن الاستطلاع
survey-see-answers = عرض الإجابات
survey-targets = البلديات المستهدفة
survey-progress-none = لم تبدأ
survey-progress-draft = مسودة محفوظة
survey-progress-submitted = مُقدَّمة
survey-campaign = الحملة
survey-field-title = العنوان
survey-field-description = الوصف
survey-field-opens = أول يوم للإجابة
survey-field-closes = آخر يوم للإجابة
survey-field-audience = مَن يمكنه قراءة النتائج
survey-save-campaign = حفظ الحملة
survey-saved = تم الحفظ.
survey-replace-form = استبدال النموذج
survey-replace-form-lead = ارفع ملف XLSForm معدَّلًا. إذا وُجدت إجابات، يصبح إصدارًا جديدًا، وتبقى كل إجابة مرتبطة بالإصدار الذي أُجيب عنه.
survey-upload-title = رفع ملف XLSForm
survey-upload-lead = نموذج مُعَدّ لـ KoboToolbox أو ODK، يضم أوراق survey وchoices وsettings. يُفحص قبل حفظ أي شيء، وتُذكر مع كل مشكلة الورقة والصف.
survey-field-form = ملف النموذج (بصيغة xlsx أو بصيغة جدول markdown)
survey-hint-form = بحدّ أقصى { $mb } ميغابايت.
survey-upload-button = رفع وفحص
survey-error-form = لا يمكن استخدام هذا النموذج كما هو. لم يُحفظ أي شيء. صحّح ما يلي ثم ارفعه مرة أخرى:
survey-error-no-file = اختر ملف النموذج.
survey-error-too-large = حجم الملف يتجاوز الحد المسموح به.
survey-error-not-xlsform = هذا الملف ليس مصنّف Excel بصيغة xlsx ولا نموذجًا بصيغة جدول markdown.
survey-error-no-title = لا تحتوي إعدادات النموذج (ورقة settings) على form_title ولا على form_id.
survey-error-title = أدخل عنوانًا للاستطلاع.
survey-error-window = يجب أن يأتي آخر يوم للإجابة بعد أول يوم.
survey-error-no-targets = اختر البلديات المستهدفة قبل فتح الاستطلاع.
survey-error-targets = إحدى البلديات المختارة غير موجودة.
survey-error-date = اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2026-03-14.
survey-error-value = اختر إحدى القيم المعروضة.
survey-answering-for = الإجابة باسم
survey-page = الصفحة
survey-required-mark = إلزامي
survey-answers-refused = بعض الإجابات تحتاج إلى مراجعة. لم يُحفظ أي شيء في هذه الصفحة:
survey-problem-required = الإجابة مطلوبة.
survey-problem-whole = أدخل عددًا صحيحًا.
survey-problem-number = أدخل عددًا.
survey-problem-date = اكتب التاريخ بالصيغة YYYY-MM-DD، مثل 2026-03-14.
survey-problem-range = هذه القيمة خارج نطاق المقياس.
survey-problem-choice = اختر إحدى الإجابات المعروضة.
survey-problem-constraint = هذه الإجابة غير مقبولة.
survey-back = رجوع
survey-save-draft = حفظ المسودة
survey-next = حفظ ومتابعة
survey-draft-saved = حُفظت المسودة.
survey-read-only = لا يقبل هذا الاستطلاع إجابات حاليًا؛ وتُعرض الإجابات كما حُفظت.
survey-editing-submitted = قدّمت بلديتك إجاباتها. لا تُحتسب التغييرات التي تحفظها هنا إلا بعد تقديمها من جديد.
survey-not-accepting = لا يقبل هذا الاستطلاع إجابات حاليًا. لم يُحفظ أي شيء.
survey-review-title = المراجعة والتقديم
survey-change = تعديل
survey-submit = تقديم الإجابات
survey-submit-changes = تقديم التغييرات
survey-submitted = شكرًا لك: قُدّمت الإجابات.
survey-is-submitted = هذه الإجابات مُقدَّمة.
survey-changes-not-submitted = حُفظت التغييرات لكنها لم تُقدَّم بعد: ما زالت الإجابات المقدَّمة سابقًا هي المحتسبة.
survey-break-down = تفصيل النتائج
survey-privacy-note = لحماية المجيبين، لا تُعرض الأعداد التي تقل عن { $n } («محجوب»)، ولا أي عدد يمكن أن يُستنتج منه أحدها؛ ولا تُعرض النسبتان 0% و100% في المجموعات الصغيرة.
survey-answered = أجابت عنه
survey-not-answered = لم تُجب عنه
survey-answer = الإجابة
survey-all = الكل
survey-suppressed = محجوب
survey-chart-description = نسبة البلديات التي أجابت عن هذا السؤال، لكل إجابة؛ ويعرض الجدول المجاور الأرقام نفسها.
survey-mean = المتوسط
survey-median = الوسيط
survey-quartiles = الربيعات (25% – 75%)
search-type-survey = استطلاع
event-surveys = استطلاعات هذه الفعالية
survey-download-answers = تنزيل الإجابات
survey-with-names = أسماء الخيارات
survey-with-labels = التسميات
survey-reach = الوصول إلى المجيبين
survey-remind-lead = ذكّر جهات الاتصال في البلديات المطلوبة التي لم تقدّم إجاباتها بعد (مرة واحدة في اليوم على الأكثر لكل بلدية)، برسالة بريد إلكتروني بلغتهم. ويُرسَل تذكير تلقائي أيضاً قبل إغلاق الحملة بثلاثة أيام.
survey-remind = إرسال التذكيرات
survey-reminders-sent = أُدرج { $count } من التذكيرات في قائمة الإرسال.
survey-not-accepting-reminders = لا يستقبل الاستطلاع إجابات الآن: لم يُرسَل أي تذكير.
survey-links = الروابط الشخصية
survey-links-lead = رابط لمجيب محدّد بالاسم يُرسَل بالبريد الإلكتروني: لا يحتاج إلى حساب ويقبل إجابة واحدة.
survey-field-link-name = اسم المجيب
survey-field-link-email = عنوان بريده الإلكتروني
survey-field-link-municipality = البلدية التي يجيب عنها (اختياري)
survey-send-link = إرسال الرابط
survey-link-sent = الرابط في طريقه.
survey-new-version = تغيّر الاستمارة بعد ورود إجابات: أصبحت الآن نسخة جديدة، وتحتفظ الإجابات المقدّمة بنسختها.
survey-error-link-name = اكتب اسم المجيب.
survey-error-link-email = اكتب عنوان بريد إلكتروني صحيحًا.
survey-error-link-draft = افتح الاستطلاع قبل إرسال الروابط.
survey-no-closing-date = دون تاريخ إغلاق
mail-survey-link-subject = استطلاع: { $survey }
mail-survey-link-body = { $name } المحترم/ة،

    أنتم مدعوون للإجابة عن الاستطلاع «{ $survey }». رابطكم الشخصي (يُرجى عدم مشاركته):

    { $link }

    يمكنكم حفظ مسودة والعودة إليها وتقديم الإجابات حتى { $closes }.
mail-survey-reminder-subject = تذكير: { $survey }
mail-survey-reminder-body = إلى جهة الاتصال في { $municipality }،

    ما زال الاستطلاع «{ $survey }» بانتظار إجابات بلديتكم. يمكنكم الإجابة أو إكمال المسودة حتى { $closes }:

    { $link }
survey-results-pdf = النتائج بصيغة PDF
survey-problem-unknown = لا يحتوي النموذج على سؤال بهذا الاسم.
survey-api-refused = رُفضت بعض الإجابات. لم يُحفظ أي شيء.
survey-api-not-text = يجب أن تكون الإجابة نصًا أو رقمًا أو true أو false.

## Plans
plan-action-plan = خطة عمل
plan-of = لـ
plan-responsible = البلدية المسؤولة
plan-illustrative = أرقام التقدم في هذه الخطة توضيحية (بيانات عرض تجريبية).
plan-illustrative-short = أرقام توضيحية
plan-progress = التقدم
plan-progress-done = المنجز
progress-percent = { $n }٪
plan-no-progress = لا يوجد رقم للتقدم بعد: لا توجد خطوة تُحتسب (لا خطوات، أو كلها ملغاة أو وزنها 0).
plan-no-progress-short = لا يوجد رقم للتقدم بعد
plan-progress-rule = التقدم هو المتوسط المرجّح للخطوات: الخطوة المنجزة تُحتسب 100٪، والخطوة الجارية بنسبتها، والخطوة التي لم تبدأ 0٪. الخطوات الملغاة والخطوات ذات الوزن 0 لا تُحتسب.
plan-timeline = الجدول الزمني
plan-timeline-desc = { $steps ->
    [zero] لا خطوات
    [one] خطوة واحدة
    [two] خطوتان
    [few] { $steps } خطوات
    [many] { $steps } خطوةً
   *[other] { $steps } خطوة
    } موزعة على الزمن.
plan-timeline-milestones = { $count ->
    [zero] لا معالم رئيسية.
    [one] معلم رئيسي واحد.
    [two] معلمان رئيسيان.
    [few] { $count } معالم رئيسية.
    [many] { $count } معلمًا رئيسيًا.
   *[other] { $count } معلم رئيسي.
    }
plan-steps = الخطوات
plan-dates = التواريخ
plan-actions = الإجراءات
plan-not-counted = لا تُحتسب
plan-edit = تعديل
plan-delete = حذف
plan-back = العودة إلى الخطة
plan-add-step = إضافة خطوة
plan-milestones = المعالم الرئيسية
plan-no-milestones = لا توجد معالم رئيسية بعد.
plan-no-steps = لا توجد خطوات بعد.
plan-not-reached = لم يتحقق بعد
plan-milestone-due-on = موعده { $date }
plan-milestone-reached-on = تحقق في { $date }
plan-add-milestone = إضافة معلم رئيسي
plan-indicators = المؤشرات
plan-no-indicators = لا توجد مؤشرات بعد.
plan-attainment = نسبة الإنجاز
plan-attainment-rule = نسبة الإنجاز هي الجزء الذي قطعه آخر قياس من الطريق بين القيمة الأساسية والهدف، بين 0 و100٪؛ وتبقى صحيحة عندما يكون الهدف أدنى من القيمة الأساسية.
plan-not-measured = لم يُقَس بعد
plan-baseline = القيمة الأساسية
plan-target = الهدف
plan-latest = آخر قياس
plan-add-indicator = إضافة مؤشر
plan-add-measurement = تسجيل قياس
plan-events = فعاليات المتابعة
plan-no-events = لا توجد فعاليات متابعة مرتبطة.
plan-attach = ربط الفعالية
plan-detach = فك الربط
plan-municipality-heading = خطط العمل
plan-status-not-started = لم تبدأ
plan-status-in-progress = جارية
plan-status-done = منجزة
plan-status-cancelled = ملغاة
plan-new-steps = خطوة جديدة
plan-edit-steps = تعديل الخطوة
plan-new-milestones = معلم رئيسي جديد
plan-edit-milestones = تعديل المعلم الرئيسي
plan-new-indicators = مؤشر جديد
plan-edit-indicators = تعديل المؤشر
plan-new-measurements = تسجيل قياس
plan-edit-measurements = قياس
plan-new-events = ربط فعالية متابعة
plan-edit-events = فعالية متابعة
plan-field-title = العنوان
plan-field-owner = المسؤول عن التنفيذ
plan-field-owner-text = المسؤول عن التنفيذ (قسم، شخص…)
plan-field-owner-municipality = البلدية المسؤولة عن التنفيذ
plan-field-starts-on = تاريخ البدء
plan-field-due-on = تاريخ الاستحقاق
plan-field-reached-on = تاريخ التحقق
plan-field-status = الحالة
plan-field-percent = نسبة الإنجاز المئوية
plan-field-weight = الوزن
plan-field-name = الاسم
plan-field-unit = الوحدة
plan-field-baseline-value = القيمة الأساسية
plan-field-baseline-on = تاريخ القيمة الأساسية
plan-field-target-value = القيمة المستهدفة
plan-field-target-on = تاريخ الهدف
plan-field-indicator = المؤشر
plan-field-measured-on = تاريخ القياس
plan-field-date = التاريخ
plan-field-value = القيمة
plan-field-source = المصدر
plan-field-event = الفعالية
plan-hint-owner = اذكر من ينفذ الخطوة، أو اختر بلدية، أو الاثنين معاً.
plan-hint-percent = عدد صحيح من 0 إلى 100.
plan-hint-weight = مقدار ما تُحتسب به الخطوة في تقدم الخطة (من 0 إلى 1000؛ 1 افتراضياً).
plan-hint-target = مختلفة عن القيمة الأساسية؛ ويمكن أن تكون أدنى منها (عدد أقل من المنتظرين مثلاً).
plan-hint-source = من أين يأتي الرقم (سجل، استطلاع، تقرير).
plan-error-required = هذا الحقل مطلوب.
plan-error-date = اكتب التاريخ بصيغة YYYY-MM-DD.
plan-error-date-order = هذا التاريخ يسبق التاريخ الذي يجب أن يليه.
plan-error-number = اكتب رقماً (مثل 12 أو 4.5).
plan-error-percent = اكتب عدداً صحيحاً من 0 إلى 100.
plan-error-weight = اكتب عدداً صحيحاً من 0 إلى 1000.
plan-error-target-equals-baseline = يجب أن يختلف الهدف عن القيمة الأساسية.
plan-error-choice = اختر أحد الخيارات المعروضة.
plan-error-too-long = هذا طويل جداً.
plan-chart-desc = القيمة الأساسية: { $baseline } ({ $baseline_on }) ← الهدف: { $target } ({ $target_on })؛ آخر قياس: { $latest }
plan-error-number-grouped = اكتب الرقم دون فواصل الآلاف: 1500، أو 1.5 لواحد ونصف.
plan-error-year = أدخل تاريخاً بين عامي 1900 و2100.

## Projects
nav-projects = المشاريع
search-type-project = فكرة مشروع
event-projects = أفكار مشاريع وُلدت في هذه الفعالية
projects-title = أفكار المشاريع
projects-lead = أفكار وُلدت في ورش العمل والمشاورات، تُتابَع من الفكرة حتى النتيجة، مع الشراكات التي تحملها.
projects-count = { $count ->
    [zero] لا توجد أفكار مشاريع
    [one] فكرة مشروع واحدة
    [two] فكرتا مشروع
    [few] { $count } أفكار مشاريع
   *[other] { $count } فكرة مشروع
}
projects-none = لا توجد فكرة مشروع مطابقة.
project-new = تدوين فكرة مشروع
project-edit = تعديل فكرة المشروع
project-save = حفظ
project-form-lead = اكتب بلغة واحدة في كل مرة؛ تُضاف الترجمات بتعديل الفكرة بلغة أخرى.
project-writing-in = لغة الكتابة
project-lead = الجهة الرائدة
project-status-idea = فكرة
project-status-concept = مفهوم
project-status-partnership-formed = تشكّلت الشراكة
project-status-in-implementation = قيد التنفيذ
project-status-completed = مكتمل
project-status-dropped = متروك
project-visibility-public = عام
project-visibility-members = للأعضاء فقط
project-visibility-participants = للمشاركين فقط
project-partner-kind-municipality = بلدية
project-partner-kind-ngo = منظمة مجتمع مدني
project-partner-kind-academia = جامعة أو مركز بحث
project-partner-kind-government = مؤسسة حكومية
project-partner-kind-private = القطاع الخاص
partnership-status-invited = مدعوّة
partnership-status-accepted = شريكة
partnership-status-declined = اعتذرت
partnership-status-left = انسحبت
partner-step-invited = دُعيت
partner-step-accepted = قبلت الدعوة
partner-step-declined = اعتذرت عن الدعوة
partner-step-left = انسحبت من الشراكة
partner-step-removed = أخرجتها البلدية الرائدة من الشراكة
project-field-title = العنوان
project-field-problem = المشكلة
project-field-objectives = الأهداف
project-field-activities = الأنشطة المقترحة
project-field-themes = المواضيع
project-field-event = الفعالية التي وُلدت فيها
project-field-session = الجلسة
project-field-followups = فعاليات لاحقة جرى العمل عليها فيها
project-field-dilemma = المشاورة التي وُلدت فيها
project-field-lead = البلدية الرائدة
project-field-visibility = من يمكنه قراءتها
project-field-programme = البرنامج
project-field-programme_countries = البلدان التي يجمع بينها البرنامج
project-field-partners = الشركاء المطلوبون
project-field-status = الحالة
project-field-reason = السبب
project-field-municipality = البلدية
project-partner-kind = نوع الشريك
project-partner-country = البلد
project-partner-expertise = الخبرة
project-hint-lines = عنصر واحد في كل سطر.
project-hint-session = اختر الفعالية واحفظ لتختار إحدى جلساتها.
project-hint-programme-countries = رموز البلدان مفصولة بفواصل، مثل DE, TR: يمكن تمويل الشراكات بين بلديات هذه البلدان.
project-hint-partners = سطر لكل نوع من الشركاء؛ يُحذف السطر الفارغ. احفظ لتحصل على سطر فارغ آخر.
project-hint-reason = مطلوب عند ترك الفكرة: اذكر السبب.
project-illustrative = هذه الفكرة من البيانات التجريبية: شراكاتها وأرقام تقدّمها توضيحية.
project-dropped-because = تُركت لأن:
project-versions = النسخ
project-partnerships = الشراكات
project-no-partners = لا يوجد شريك بعد.
project-accept = قبول الدعوة
project-decline = اعتذار
project-leave = الانسحاب من الشراكة
project-remove = إنهاء الشراكة
project-history = السجل
project-by = بواسطة
project-invite-which = دعوة بلدية
project-invite = دعوة
project-suggestions = شركاء مقترحون
project-suggestions-hint = بلديات من الشبكة يمكن أن تنضم، ولماذا.
project-reason-practice = نشرت { $municipality } «{ $practice }» في الموضوع نفسه.
project-reason-themes = تعمل { $municipality } على { $themes }.
project-reason-languages = تكتب { $municipality } أيضًا بـ{ $languages }.
project-reason-funded = يموّل البرنامج الشراكات بين { $lead } و{ $partner }.
project-see-practice = قراءة الممارسة
project-plan = خطة العمل
project-plan-open = فتح خطة العمل
project-plan-progress = أُنجز { $percent }٪
project-plan-steps = أُنجزت { $done } من { $steps } خطوات
project-plan-illustrative = أرقام تقدّم الخطة توضيحية.
project-no-plan = لا توجد خطة عمل بعد.
project-start-plan = بدء خطة عمل
project-change-status = تغيير الحالة
project-error-session = اختر جلسة من الفعالية المختارة
project-error-partner-kind = اختر نوع كل شريك مطلوب
project-error-transition = لا يمكن للفكرة الانتقال إلى هذه الحالة من وضعها الحالي
project-error-reason = اذكر سبب ترك الفكرة
project-error-lead-partner = لا يمكن للبلدية الرائدة أن تكون شريكة نفسها
project-error-already-partner = هذه البلدية مدعوّة أو شريكة بالفعل
project-error-no-focal-point = ليس لهذه البلدية منسّق على المنصة يجيب عن الدعوة
project-error-no-invitation = لا توجد دعوة مفتوحة للرد عليها
project-error-not-partner = هذه البلدية ليست شريكة
mail-project-invited-subject = تدعو { $lead } بلدية { $municipality } إلى شراكة في مشروع
mail-project-invited-body = مرحبًا،

    تدعو { $lead } بلدية { $municipality } إلى أن تصبح شريكة في فكرة المشروع «{ $project }».

    بصفتك منسّقًا لبلدية { $municipality }، يمكنك قراءة الفكرة وقبول الدعوة أو الاعتذار عنها هنا:
    { $link }
mail-project-accepted-subject = قبلت { $municipality } دعوتك
mail-project-accepted-body = مرحبًا،

    قبلت { $municipality } الدعوة إلى أن تصبح شريكة في فكرة المشروع «{ $project }».

    { $link }
mail-project-declined-subject = اعتذرت { $municipality } عن دعوتك
mail-project-declined-body = مرحبًا،

    اعتذرت { $municipality } عن الدعوة إلى أن تصبح شريكة في فكرة المشروع «{ $project }».

    { $link }

## The outcomes chain: a municipality's ideas and partnerships, the network's figures, milestone calendars
municipality-projects-heading = أفكار المشاريع
municipality-partnerships-heading = الشراكات
network-projects-heading = أفكار المشاريع حسب الحالة
network-projects-count = الأفكار
network-partnerships-heading = الشراكات حسب الحالة
network-partnership-status = الشراكة
network-partnerships-count = الشراكات
network-figures-total = المجموع
project-milestones-ics = المراحل الرئيسية في تقويمك (iCalendar)
project-milestones-calendar = المراحل الرئيسية لـ«{ $title }»
project-milestone-of = مرحلة رئيسية من فكرة المشروع «{ $title }»
project-milestone-reached = تحققت في { $date }
project-milestone-open = لم تتحقق بعد
plan-milestones-ics = المراحل الرئيسية في تقويمك (iCalendar)

## Atom feeds
feed-network = «مجلس»: الجديد في الشبكة
feed-practices = «مجلس»: الممارسات الجيدة
feed-resources = «مجلس»: الوثائق
feed-events = «مجلس»: الفعاليات
feed-consultations = «مجلس»: المشاورات المختتمة

# --- What a newcomer sees (issue 20): design system, events, home page, demo, admin ---
nav-menu = القائمة
nav-account = حسابك
events-showing-past = لا توجد فعاليات قادمة حاليًا، لذا هذه هي الفعاليات السابقة، الأحدث أولًا.
events-none-upcoming = لم يُعلن عن أي فعالية قادمة بعد.
events-see-past = عرض الفعاليات السابقة
events-none = لم تُضف أي فعالية بعد.
events-clear-filters = عرض كل الفعاليات دون تصفية
dilemma-contributions-closed = مغلقة أمام المساهمات
dilemma-closed-on = أُغلقت في
consultations-clear-filters = عرض كل المشاورات
consultations-none-yet = لم تُفتح أي مشاورة بعد.
compendiums-see-practices = تصفّح الممارسات الجيدة في الأثناء
home-upcoming = قريبًا
home-recent = عُقدت مؤخرًا
home-open-consultations = مشاورات مفتوحة للمساهمة
home-no-open-consultations = لا توجد مشاورة تستقبل المساهمات حاليًا.
home-concluded-consultations = اقرأ المشاورات المختتمة
home-all-consultations = كل المشاورات
home-all-events = كل الفعاليات
home-practices = أحدث الممارسات الجيدة
home-documents = أحدث الوثائق
home-more-upcoming = كل الفعاليات القادمة ({ $count })
home-more-past = كل الفعاليات السابقة ({ $count })
home-more-practices = كل الممارسات الجيدة ({ $count })
home-more-documents = كل الوثائق ({ $count })
home-figure-events = الفعاليات
home-figure-practices = ممارسات جيدة
home-figure-documents = الوثائق
home-network-link = الأعضاء والأرقام حسب البلد
compendium-publishing = النشر
compendium-publish = نشر هذه الطبعة
compendium-unpublish = إعادتها إلى مسودة
compendium-draft-hint = لا يرى هذه الطبعة إلا المنسقون إلى أن تُنشر.
compendium-published-hint = يمكن للجميع قراءتها وتنزيل ملف PDF الخاص بها.
invitations-title = الدعوات المعلّقة
invitations-lead = دعوات أُرسلت بالبريد الإلكتروني ولم تُقبل بعد. إعادة إرسال دعوة تُنشئ رابطًا جديدًا صالحًا لسبعة أيام، ويتوقف الرابط القديم عن العمل.
invitations-none = لا توجد دعوة بانتظار القبول.
invitations-by = دعاه
invitations-link = الرابط
invitations-actions = الإجراءات
invitations-expired = منتهية الصلاحية
invitations-valid-until = صالح حتى
invitations-resend = إعادة الإرسال
invitations-revoke = سحب الدعوة
invitations-resent = أُعيد إرسال الدعوة برابط جديد.
invitations-revoked = سُحبت الدعوة، ولم يعد رابطها يعمل.
audit-action-created = أُنشئ
audit-action-updated = عُدّل
audit-action-cloned = نُسخ من فعالية أخرى
audit-action-programme-changed = عُدّل البرنامج
audit-action-outcomes-changed = عُدّلت النتائج
audit-action-registered = سُجّل
audit-action-registered-on-behalf = سجّله الفريق
audit-action-cancelled = أُلغي التسجيل
audit-action-approved = قُبل التسجيل
audit-action-declined = رُفض التسجيل
audit-action-checked-in = سُجّل الحضور
audit-action-check-in-undone = أُلغي تسجيل الحضور
audit-action-consent-given = وافق على إدراج اسمه
audit-action-consent-withdrawn = سحب موافقته على الإدراج
audit-action-invited = دُعي
audit-action-invitation-resent = أُعيد إرسال الدعوة
audit-action-invitation-revoked = سُحبت الدعوة
audit-action-joined = انضم بدعوة
audit-action-account-created = أُنشئ الحساب
audit-action-account-deleted = حُذف الحساب
audit-action-role-changed = تغيّر الدور
audit-action-reactivated = أُعيد تفعيل الحساب
audit-action-deactivated = عُطّل الحساب
audit-action-affiliation-added = أُضيفت جهة انتماء
audit-action-affiliation-removed = أُزيلت جهة انتماء
audit-action-password-changed = غُيّرت كلمة المرور
audit-action-password-reset = أُعيد تعيين كلمة المرور عبر رابط
audit-action-two-factor-on = فُعّل تسجيل الدخول بخطوتين
audit-action-api-token-created = أُنشئ رمز واجهة برمجية
audit-action-api-token-revoked = أُلغي رمز واجهة برمجية
audit-action-calendar-feed-created = أُنشئ عنوان التقويم
audit-action-municipality-created = أُضيفت بلدية
audit-action-profile-edited = عُدّل الملف التعريفي
audit-action-organisation-created = أُضيفت منظمة
audit-action-organisation-edited = عُدّلت منظمة
audit-action-resource-created = أُضيفت وثيقة
audit-action-resource-updated = عُدّلت وثيقة
audit-action-resource-deleted = حُذفت وثيقة
audit-action-resource-version-added = أُضيفت نسخة لغوية
audit-action-practice-saved = حُفظت الممارسة
audit-action-practice-deleted = حُذفت الممارسة
audit-action-practice-attachment-added = أُرفق ملف بممارسة
audit-action-practice-submitted = قُدّمت الممارسة للمراجعة
audit-action-practice-review-started = بدأت المراجعة
audit-action-practice-changes-requested = طُلبت تعديلات
audit-action-practice-published = نُشرت الممارسة
audit-action-practice-archived = أُرشفت الممارسة
audit-action-practice-comment = تعليق مراجعة
audit-action-compendium-created = أُنشئ الخلاصة
audit-action-compendium-described = عُدّل وصف الخلاصة
audit-action-compendium-arranged = رُتّبت فصول الخلاصة
audit-action-compendium-published = نُشرت الخلاصة
audit-action-compendium-unpublished = أُعيدت الخلاصة إلى مسودة
audit-action-compendium-deleted = حُذفت الخلاصة
audit-action-dilemma-create = كُتبت مشاورة
audit-action-dilemma-open = فُتحت المشاورة
audit-action-dilemma-invite = دُعي نظير إلى مشاورة
audit-action-dilemma-conclude = اختُتمت المشاورة
audit-action-dilemma-archive = أُرشفت المشاورة
audit-action-dilemma-queue = أُدرجت مشاورة في جدول عيادة
audit-action-dilemma-joint = نوقشت مشاورتان معًا
audit-action-contribution-create = نُشرت مساهمة
audit-action-contribution-answer = أُجيب عن سؤال
audit-action-contribution-helped = عُلّمت بأنها مفيدة
audit-action-contribution-not-helped = أُزيلت علامة مفيدة
audit-action-contribution-hide = أخفى مشرف مساهمة
audit-action-contribution-restore = أُعيد إظهار مساهمة
audit-action-clinic-publish = نُشر تقرير العيادة
audit-action-clinic-withdraw = سُحب تقرير العيادة
audit-action-clinic-wrapup = كُتبت خلاصة الجلسة
audit-action-signup-request = طلب الانضمام
audit-action-signup-approve = قُبل طلب الانضمام
audit-action-signup-decline = رُفض طلب الانضمام
audit-action-signup-discard = أُهمل طلب الانضمام
audit-action-survey-create = أُنشئ استطلاع
audit-action-survey-form = رُفع نموذج استطلاع
audit-action-survey-campaign = عُدّلت حملة الاستطلاع
audit-action-survey-link = أُنشئت روابط استطلاع شخصية
audit-action-survey-remind = أُرسلت تذكيرات الاستطلاع
audit-action-survey-submit = قُدّمت إجابات الاستطلاع
audit-action-plan-created = أُنشئت خطة عمل
audit-action-project-saved = حُفظت فكرة مشروع
audit-action-project-status = تغيّرت حالة فكرة مشروع
audit-object-kind-event = فعالية
audit-object-kind-practice = ممارسة
audit-object-kind-resource = وثيقة
audit-object-kind-compendium = خلاصة
audit-object-kind-dilemma = مشاورة
audit-object-kind-contribution = مساهمة
audit-object-kind-clinic = عيادة
audit-object-kind-municipality = بلدية
audit-object-kind-organisation = منظمة
audit-object-kind-person = شخص
audit-object-kind-invitation = دعوة
audit-object-kind-registration = تسجيل
audit-object-kind-project = فكرة مشروع
audit-object-kind-plan = خطة عمل
audit-object-kind-survey = استطلاع
audit-object-kind-api-token = رمز واجهة برمجية
audit-object-kind-signup_request = طلب انضمام
audit-detail = التفاصيل
audit-object-history = كل ما سُجّل عن
# The API described (/api/docs) and open data downloads
api-docs-title = واجهة برمجة مجلس
api-docs-lead = كل ما تنشره الشبكة يمكن للبرامج قراءته أيضًا: القوائم والعناصر المفردة بصيغة JSON، مع عوامل التصفية نفسها التي في الصفحات.
api-docs-machine-readable = الوصف نفسه بصيغة تقرؤها الآلة:
api-docs-in-english = الأوصاف التقنية أدناه باللغة الإنجليزية.
api-docs-contents = المحتويات
api-docs-schemas = بنى البيانات
api-docs-needs-token = يتطلب رمز واجهة برمجة شخصيًا (Authorization: Bearer).
api-docs-token-optional = متاح للجميع؛ ومع رمز واجهة برمجة شخصي يُظهر أيضًا ما يحق لصاحبه رؤيته.
api-docs-parameters = المعاملات
api-docs-name = الاسم
api-docs-where = الموضع
api-docs-type = النوع
api-docs-required = إلزامي
api-docs-description = الوصف
api-docs-yes = نعم
api-docs-no = لا
api-docs-request-body = متن الطلب
api-docs-responses = الردود
api-docs-status = الحالة
api-docs-body = المتن
api-docs-headers = الترويسات
api-docs-field = الحقل
api-docs-always = موجود دائمًا
open-data-source = المصدر
open-data-licence-text = نص الترخيص
open-data-language = اللغة
open-data-about-sheet = حول
open-data-col-id = المعرّف
open-data-col-slug = الاسم المختصر
open-data-col-name = الاسم
open-data-col-kind = النوع
open-data-col-country-code = رمز البلد
open-data-col-country-name = البلد
open-data-col-country = البلد
open-data-col-region = المنطقة
open-data-col-population = عدد السكان
open-data-col-population-year = سنة تعداد السكان
open-data-col-refugees-hosted = عدد اللاجئين المستضافين
open-data-col-refugees-year = سنة عدد اللاجئين
open-data-col-member-since = عضو منذ
open-data-col-themes = المواضيع
open-data-col-url = العنوان
open-data-col-acronym = الاختصار
open-data-col-website = الموقع الإلكتروني
open-data-col-title = العنوان الرئيسي
open-data-col-title-lang = لغة العنوان
open-data-col-original-language = اللغة الأصلية
open-data-col-summary = الملخص
open-data-col-owner = الجهة المالكة
open-data-col-year = السنة
open-data-col-status = الحالة
open-data-col-languages = اللغات
open-data-col-starts-at = البداية
open-data-col-ends-at = النهاية
open-data-col-timezone = المنطقة الزمنية
open-data-col-city = المدينة
open-data-col-online = عبر الإنترنت
open-data-col-capacity = عدد الأماكن
open-data-col-question = السؤال
open-data-col-question-lang = لغة السؤال
open-data-col-presenter = قدّمه
open-data-col-event = الفعالية
open-data-col-opens-at = يُفتح في
open-data-col-closes-at = يُغلق في
open-data-col-licence = الترخيص
# Social-cohesion self-assessment (cohesion/)
cohesion-title = التقييم الذاتي للتماسك الاجتماعي
cohesion-link = التقييم الذاتي للتماسك الاجتماعي
cohesion-missing = إجابات غير كافية
cohesion-index = مؤشر التماسك
cohesion-peers = المقارنة بالأقران
cohesion-peers-all = الشبكة كلها
cohesion-peers-country = بلديات البلد نفسه
cohesion-peers-population = بلديات بحجم مماثل
cohesion-peers-refugees = بلديات بنسبة لاجئين مماثلة
cohesion-compare-with = الأقران
cohesion-compare = قارن
cohesion-benchmark-too-few = مخفي: عدد الأقران القابلين للمقارنة أقل من { $needed }
cohesion-benchmark-unknown-group = مخفي: ينقص ملف البلدية الرقم الذي تحتاجه هذه المقارنة
cohesion-benchmark-earlier-wave = تقتصر المقارنة بالأقران على الجولة الأخيرة
cohesion-radar-title = مجالات التماسك الاجتماعي
cohesion-radar-desc = درجة البلدية في كل مجال من 0 إلى 100؛ والخط المتقطع هو وسيط الشبكة حيث يُعرض. الأرقام نفسها في الجدول أدناه.
cohesion-trend-title = مؤشر التماسك عبر الجولات
cohesion-trend-desc = مؤشر كل جولة من 0 إلى 100؛ النقاط المفرغة قيست بنسخة مختلفة من الإطار. الأرقام نفسها في الجدول أدناه.
cohesion-rule-missing = الإجابات الناقصة: يُحتسب المستجيب في مؤشر ما إذا كانت البنود التي أجاب عنها تمثل نصف وزنه على الأقل؛ ويحتاج المجال والمؤشر العام إلى درجات لنصف وزنهما على الأقل. لا تُحتسب إجابة «لا أعرف». لا يُعرض أي رقم يستند إلى أقل من { $base } مستجيبين.
cohesion-rule-benchmark = لا يُعرض وسيط الشبكة والمدى الربيعي إلا إذا توفّر { $needed } أقران على الأقل قابلون للمقارنة (جولتهم الأخيرة، مقيسة بالطريقة نفسها).
cohesion-rule-scores = تتحول كل إجابة إلى درجة من 0 إلى 100 (وتُعكس العبارات التي تضر الموافقة عليها بالتماسك). المؤشر هو المتوسط المرجّح لبنوده، والمجال لمؤشراته، والمؤشر العام لمجالاته. «إيجابي» هو نسبة الإجابات في الجانب المفيد للتماسك؛ و«موافق» هو النسبة الخام للموافقين كما يعرضها رصد التوترات.
cohesion-rule-privacy = لا تُعرض إجابات السكان أبداً: المجاميع فقط، للبلدية ولمنسقي الشبكة، وهنا بعد أن تنشر البلدية لوحتها.
cohesion-synthetic = بيانات اصطناعية: أُعدّت هذه الجولات للعرض التوضيحي، وليست إجابات سكان حقيقيين.
cohesion-not-published = غير منشورة: لا يرى هذه اللوحة إلا منسقو البلدية ومنسقو الشبكة.
cohesion-wave = الجولة
cohesion-weighted = مرجّحة حسب الفئات
cohesion-left-out = استُبعد { $n } من المستجيبين خارج الفئات المرجّحة
cohesion-favourable = إيجابي
cohesion-network-median = وسيط الشبكة
cohesion-iqr = المدى الربيعي
cohesion-not-comparable = غير قابل للمقارنة بالجولات الأخرى: قيس بنسخة من الإطار تغيّرت بنودها.
cohesion-domains = المجالات
cohesion-domain = المجال
cohesion-score = الدرجة
cohesion-peer-count = الأقران
cohesion-indicators = المؤشرات
cohesion-indicator = المؤشر
cohesion-trend = التطور عبر الجولات
cohesion-no-waves = لم تُحتسب أي جولة بعد.
cohesion-fielded = نهاية العمل الميداني
cohesion-framework = الإطار
cohesion-items = البنود وأدواتها
cohesion-item = البند
cohesion-agree = موافق
cohesion-instrument = الأداة
cohesion-reversed = معكوس
cohesion-named-peers = أقران يشاركون مؤشرهم بالاسم
cohesion-how = كيف تُحسب الأرقام
cohesion-choices = النشر
cohesion-publish = انشر هذه اللوحة (يمكن لأي شخص قراءتها)
cohesion-by-name = أظهر مؤشرنا للأقران بالاسم (وإلا فضمن المقارنة المجهولة فقط)
cohesion-save = حفظ
cohesion-link-index = مؤشر التماسك: { $score } من 100 (جولة { $wave })
cohesion-synthetic-short = بيانات اصطناعية
## Following and notifications
nav-notifications = الإشعارات
nav-notifications-unread = الإشعارات ({ $count } غير مقروءة)
follow-theme = تابِع هذا الموضوع
unfollow-theme = أوقِف متابعة هذا الموضوع
follow-municipality = تابِع هذه البلدية
unfollow-municipality = أوقِف متابعة هذه البلدية
follow-organisation = تابِع هذه المنظمة
unfollow-organisation = أوقِف متابعة هذه المنظمة
follow-series = تابِع سلسلة الفعاليات هذه
unfollow-series = أوقِف متابعة سلسلة الفعاليات هذه
follow-event = تابِع هذه الفعالية
unfollow-event = أوقِف متابعة هذه الفعالية
follow-dilemma = تابِع هذه الاستشارة
unfollow-dilemma = أوقِف متابعة هذه الاستشارة
follow-practice = تابِع هذه الممارسة
unfollow-practice = أوقِف متابعة هذه الممارسة
following-title = ما أتابعه
following-lead = تصلك أخبار ما تتابعه في إشعاراتك، وبالبريد الإلكتروني كما تختار. التسجيل في فعالية أو المساهمة في استشارة أو عرض معضلة أو امتلاك ممارسة يجعلك تتابعها تلقائيًا، ويمكنك إيقاف المتابعة متى شئت.
following-none = لا تتابع شيئًا بعد. استخدم أزرار «تابِع» في صفحات البلديات والمنظمات والفعاليات والاستشارات والممارسات، أو اختر مواضيع أدناه.
following-all-themes = المواضيع
following-kind-theme = المواضيع
following-kind-municipality = البلديات
following-kind-organisation = المنظمات
following-kind-series = سلاسل الفعاليات
following-kind-event = الفعاليات
following-kind-dilemma = الاستشارات
following-kind-practice = الممارسات
notifications-title = الإشعارات
notifications-none = لا إشعارات بعد. تابِع مواضيع أو بلديات أو فعاليات أو استشارات لتصلك أخبارها هنا.
notifications-mark-read = تعليم الكل كمقروء
notifications-new = جديد:
notice-practice-new =
    { $count ->
        [one] ممارسة جديدة
        [two] ممارستان جديدتان
        [few] { $count } ممارسات جديدة
       *[other] { $count } ممارسة جديدة
    } { $on ->
        [theme] في موضوع { $via }
        [series] في { $via }
        [municipality] من { $via }
        [organisation] من { $via }
       *[other] { "" }
    }
notice-resource-new =
    { $count ->
        [one] وثيقة جديدة
        [two] وثيقتان جديدتان
        [few] { $count } وثائق جديدة
       *[other] { $count } وثيقة جديدة
    } { $on ->
        [theme] في موضوع { $via }
        [series] في { $via }
        [municipality] من { $via }
        [organisation] من { $via }
       *[other] { "" }
    }
notice-event-new =
    { $count ->
        [one] فعالية جديدة
        [two] فعاليتان جديدتان
        [few] { $count } فعاليات جديدة
       *[other] { $count } فعالية جديدة
    } { $on ->
        [theme] في موضوع { $via }
        [series] في { $via }
        [municipality] من { $via }
        [organisation] من { $via }
       *[other] { "" }
    }
notice-dilemma-new =
    { $count ->
        [one] استشارة جديدة
        [two] استشارتان جديدتان
        [few] { $count } استشارات جديدة
       *[other] { $count } استشارة جديدة
    } { $on ->
        [theme] في موضوع { $via }
        [series] في { $via }
        [municipality] من { $via }
        [organisation] من { $via }
       *[other] { "" }
    }
notice-practice-changed = حُدِّثت الممارسة «{ $title }»
notice-event-changed = تغيّرت الفعالية «{ $title }»
notice-dilemma-changed = نشاط جديد في الاستشارة «{ $title }»
notice-kind-practice-new = ممارسات جديدة فيما أتابعه
notice-kind-practice-changed = تغييرات في الممارسات التي أتابعها
notice-kind-resource-new = وثائق جديدة فيما أتابعه
notice-kind-event-new = فعاليات جديدة فيما أتابعه
notice-kind-event-changed = تغييرات في الفعاليات التي أتابعها
notice-kind-dilemma-new = استشارات جديدة فيما أتابعه
notice-kind-dilemma-changed = نشاط في الاستشارات التي أتابعها
notice-project-new =
    { $count ->
        [one] فكرة مشروع جديدة
        [two] فكرتا مشروع جديدتان
        [few] { $count } أفكار مشاريع جديدة
       *[other] { $count } فكرة مشروع جديدة
    } { $on ->
        [theme] في موضوع { $via }
        [municipality] من { $via }
       *[other] { "" }
    }
notice-survey-new =
    { $count ->
        [one] استطلاع جديد مفتوح
        [two] استطلاعان جديدان مفتوحان
        [few] { $count } استطلاعات جديدة مفتوحة
       *[other] { $count } استطلاعًا جديدًا مفتوحًا
    } { $on ->
        [municipality] موجَّه إلى { $via }
       *[other] { "" }
    }
notice-cohesion-published = نشرت { $via } تقييمها الذاتي للتماسك الاجتماعي
notice-kind-project-new = أفكار مشاريع جديدة فيما أتابعه
notice-kind-survey-new = استطلاعات مفتوحة للبلديات التي أتابعها
notice-kind-cohesion-published = لوحات التماسك الاجتماعي التي تنشرها البلديات التي أتابعها
notice-delivery-now = فورًا
notice-delivery-daily = ملخص يومي
notice-delivery-weekly = ملخص أسبوعي
notice-delivery-never = لا بالبريد الإلكتروني أبدًا
notice-settings-title = الإشعارات بالبريد الإلكتروني
notice-settings-lead = كل ما تتابعه يظهر في إشعاراتك. اختر لكل نوع هل يصلك أيضًا بالبريد الإلكتروني: فورًا، أو في رسالة واحدة يوميًا أو أسبوعيًا، أو لا يصلك أبدًا. تُرسل الملخصات صباحًا (06:00 بالتوقيت العالمي، والأسبوعية أيام الاثنين)، وفقط حين يوجد ما يُقال.
notice-settings-saved = حُفظت اختياراتك.
notice-settings-invalid = بعض الاختيارات ناقصة. لم يُحفظ شيء: اختر خيارًا واحدًا لكل نوع.
notice-settings-choose = اختر خيارًا واحدًا.
notice-settings-save = احفظ اختياراتي
unsubscribe-title = أوقِف هذه الرسائل
unsubscribe-lead = هذا يوقف رسائل البريد الإلكتروني عمّا يلي. تبقى إشعاراتك في الموقع واختياراتك الأخرى وحسابك كما هي.
unsubscribe-done = تم: لن تصلك بعد الآن رسائل بريد إلكتروني عمّا يلي.
unsubscribe-confirm = أوقِف هذه الرسائل
unsubscribe-settings = يمكنك تغيير ذلك مجددًا في أي وقت بعد تسجيل الدخول:
mail-notice-intro = إليك الجديد فيما تتابعه على مجلس.
mail-notice-footer =
    اختر ما يصلك بالبريد الإلكتروني وكم مرة: { $settings }

    أوقِف الرسائل عن { $kinds }: { $unsubscribe }
mail-notice-subject-now =
    { $count ->
        [one] مجلس: إشعار جديد
        [two] مجلس: إشعاران جديدان
        [few] مجلس: { $count } إشعارات جديدة
       *[other] مجلس: { $count } إشعار جديد
    }
mail-notice-subject-daily = ملخصك اليومي من مجلس ({ $count })
mail-notice-subject-weekly = ملخصك الأسبوعي من مجلس ({ $count })
imported-from = منقول من { $network }

## Plans aimed at cohesion indicators
cohesion-plan-title = خطة موجّهة إلى مؤشر
cohesion-plan-column = الخطة
cohesion-plan-open = فتح الخطة
cohesion-plan-start = بدء خطة
cohesion-plan-start-button = ابدأ الخطة
cohesion-plan-status = الحالة
cohesion-plan-status-met = تحقق الهدف
cohesion-plan-status-not-yet-met = لم يتحقق بعد
cohesion-plan-status-not-met = لم يتحقق: انقضى الموعد المستهدف
cohesion-plan-status-not-comparable = غير قابل للمقارنة: تغيّرت بنود المؤشر
cohesion-plan-status-not-measured = لم يُقَس بعد
cohesion-plan-baseline = خط الأساس
cohesion-plan-target = الهدف (0–100)
cohesion-plan-target-hint = الدرجة التي ينبغي أن يبلغها المؤشر، من 0 إلى 100.
cohesion-plan-target-on = الموعد المستهدف
cohesion-plan-field-title = العنوان (اختياري)
cohesion-plan-measures = القياس في كل جولة
cohesion-plan-no-measure = لم تقسه أي جولة لاحقة بعد.
cohesion-plan-open-steps = خطوات الخطة ومعالمها ومتابعتها
cohesion-plan-share = المشاركة كممارسة
cohesion-plan-share-hint = ينشئ هذا مسودة ممارسة في المكتبة معبّأة من هذه الخطة، لتكملها وترسلها.
cohesion-plan-open-practice = فتح مسودة الممارسة
cohesion-plan-default-title = خطة: { $indicator }
cohesion-plan-error-required = هذا الحقل مطلوب.
cohesion-plan-error-target = أدخل رقمًا من 0 إلى 100.
cohesion-plan-error-date = أدخل تاريخًا بالصيغة YYYY-MM-DD.
cohesion-plan-error-title = 200 حرف على الأكثر.
cohesion-plan-error-no-score = ليس لهذا المؤشر درجة في آخر جولة (إجابات قليلة جدًا).
cohesion-plan-error-target-equals-baseline = يجب أن يختلف الهدف عن خط الأساس.
cohesion-plan-error-date-before = يجب أن يأتي الموعد المستهدف بعد جولة خط الأساس.
cohesion-plan-practice-summary = سعت { $municipality } إلى تحسين مؤشر التماسك الاجتماعي «{ $indicator }»: من { $baseline } إلى { $result } من 100 في مسح آراء السكان.
cohesion-plan-practice-results = { $indicator }: { $baseline } / 100 ({ $first }) ← { $result } / 100 ({ $last })؛ الهدف { $target }.
audit-action-cohesion-plan-started = بدء خطة تماسك
audit-action-cohesion-plan-shared = مشاركة خطة تماسك كممارسة
cohesion-pdf = لوحة المؤشرات بصيغة PDF
cohesion-fw-title = أطر التماسك الاجتماعي
cohesion-fw-lead = لكل إطار إصدارات: المجالات والمؤشرات وبنود الاستطلاع التي تقيسها. الإصدار الجديد الذي تتغير بنوده يجعل تلك المؤشرات غير قابلة للمقارنة بين الإصدارات.
cohesion-fw-saved = حُفظ الإطار كإصدار جديد.
cohesion-fw-new = إضافة إصدار من إطار
cohesion-fw-none = لا يوجد إطار بعد.
cohesion-fw-versions = الأطر وإصداراتها
cohesion-fw-slug = الاسم المختصر
cohesion-fw-version = الإصدار
cohesion-fw-item-count = البنود
cohesion-fw-new-lead = الصق ملف إطار (TOML، مكتوب مثل الإطار الذي توفره الشبكة) أو ارفعه، وراجع المعاينة، ثم احفظه كإصدار جديد.
cohesion-fw-refused = لا يمكن قبول ملف الإطار؛ لم يُحفظ شيء.
cohesion-fw-preview = معاينة
cohesion-fw-compared = مقارنةً بالإصدار { $previous }.
cohesion-fw-changed-count = { $n ->
    [0] لم يتغير أي مؤشر.
    [one] تغيّر مؤشر واحد: لن تكون درجاته قابلة للمقارنة بين الإصدارات.
   *[other] تغيّر { $n } من المؤشرات: لن تكون درجاتها قابلة للمقارنة بين الإصدارات.
}
cohesion-fw-first = الإصدار الأول من هذا الإطار.
cohesion-fw-weight = الوزن
cohesion-fw-change-new = جديد
cohesion-fw-change-changed = متغيّر: غير قابل للمقارنة مع الإصدار السابق
cohesion-fw-change-same = دون تغيير
cohesion-fw-question = السؤال
cohesion-fw-direction = الاتجاه
cohesion-fw-direction-higher = الموافقة إيجابية
cohesion-fw-direction-lower = الموافقة سلبية (معكوس)
cohesion-fw-scale = المقياس
cohesion-fw-removed = مؤشرات لم تعد في الإطار
cohesion-fw-source = ملف الإطار (TOML)
cohesion-fw-source-hint = نص الملف؛ الملف المرفوع يحل محله.
cohesion-fw-file = أو ارفع الملف
cohesion-fw-file-hint = ملف .toml لا يتجاوز { $kb } كيلوبايت.
cohesion-fw-preview-button = معاينة
cohesion-fw-save-button = الحفظ كإصدار جديد
cohesion-fw-error-no-file = الصق ملف إطار أو ارفعه.
cohesion-fw-error-too-large = الملف كبير جدًا.
cohesion-fw-error-not-text = الملف ليس نصًا (UTF-8).
cohesion-fw-error-missing = السطر { $line }: «{ $field }» مفقود.
cohesion-fw-error-unknown = السطر { $line }: «{ $field }» ليس حقلًا في ملف إطار.
cohesion-fw-error-value = السطر { $line }: قيمة «{ $field }» غير صالحة.
cohesion-fw-error-syntax = السطر { $line }: هذا ليس TOML صالحًا (قرب «{ $field }»).
cohesion-fw-error-name = السطر { $line }: لا يجوز أن يحتوي «{ $field }» إلا على a–z و0–9 و_ (من 1 إلى 60 حرفًا، يبدأ بحرف).
cohesion-fw-error-duplicate = السطر { $line }: «{ $field }» مستخدم مرتين.
cohesion-fw-error-weight = السطر { $line }: يجب أن يكون وزن «{ $field }» عددًا موجبًا.
cohesion-fw-error-empty = السطر { $line }: «{ $field }» فارغ.
cohesion-fw-error-slug = السطر { $line }: لا يجوز أن يحتوي «slug» إلا على a–z و0–9 و- (يبدأ بحرف).
cohesion-fw-error-scale = السطر { $line }: المقياس «{ $field }» ليس له خيارات في الملف.
cohesion-fw-error-questionnaire = لا يمكن قراءة الاستبيان المبني من الإطار: { $field }
cohesion-fw-error-version = السطر { $line }: يجب أن يكون «version» أكبر من { $latest }، وهو آخر إصدار محفوظ من هذا الإطار.
audit-action-cohesion-framework = إضافة إصدار من إطار التماسك
cohesion-waves-link = الجولات: البدء والاحتساب
cohesion-waves-title = جولات استطلاع تصوّرات السكان
cohesion-waves-lead = تفتح الجولة حملة لاستطلاع تصوّرات السكان الخاص بالإطار لصالح البلدية؛ يجيب السكان عبر روابط شخصية. حين تصل إجابات كافية، احتسب الجولة: تنتقل أرقامها إلى لوحة المؤشرات. الاحتساب من جديد يحل محلها.
cohesion-wave-started = بدأت الجولة: حملتها مفتوحة.
cohesion-wave-scored = احتُسبت الجولة.
cohesion-waves-list = الجولات
cohesion-waves-none = لا توجد جولة بعد.
cohesion-wave-status = الحالة
cohesion-wave-last-day = آخر يوم للعمل الميداني
cohesion-wave-so-far = الإجابات حتى الآن
cohesion-wave-planned = العيّنة المخططة
cohesion-wave-scores = الدرجات
cohesion-wave-status-collecting = جمع الإجابات جارٍ
cohesion-wave-status-closed = مغلقة
cohesion-wave-status-no-campaign = بلا حملة
cohesion-wave-campaign = الحملة
cohesion-wave-not-scored = لم تُحتسب بعد
cohesion-wave-score = احتساب الجولة
cohesion-wave-rescore = الاحتساب من جديد
cohesion-wave-scored-n = احتُسبت، n = { $n }
cohesion-wave-score-hint = يقرأ الاحتساب الإجابات المرسلة؛ والاحتساب من جديد يحل محل أرقام الجولة، وتُقاس الخطط الموجهة إلى مؤشراتها من جديد.
cohesion-wave-start = بدء جولة
cohesion-wave-start-lead = تُفتح الحملة الآن وتُغلق بعد آخر أيامها. أدخل العيّنة المخططة، وإن توفرت لديك، عدد المجيبين المخطط وحصة كل فئة من السكان؛ مع الحصص تُرجَّح النتائج حسب الفئة.
cohesion-wave-label = اسم الجولة
cohesion-wave-label-hint = كما تسميها البلدية، مثل «ربيع 2026».
cohesion-wave-strata = فئات المجيبين (الطبقات)
cohesion-wave-strata-hint = كلها اختيارية. حصص السكان نسب مئوية؛ أدخلها لكل فئة يجب أن تُحتسب إجاباتها.
cohesion-wave-stratum-planned = المجيبون المخططون
cohesion-wave-stratum-weight = الحصة من السكان (%)
cohesion-wave-start-button = بدء الجولة
cohesion-wave-error-framework = اختر إطارًا.
cohesion-wave-error-label = أعطِ الجولة اسمًا (80 حرفًا على الأكثر).
cohesion-wave-error-closes = أدخل آخر يوم بالصيغة YYYY-MM-DD، من اليوم حتى سنتين مقبلتين.
cohesion-wave-error-planned = أدخل العيّنة المخططة عددًا صحيحًا من 1 إلى 1000000.
cohesion-wave-error-strata = أدخل المجيبين المخططين أعدادًا صحيحة.
cohesion-wave-error-strata-sum = مجموع المجيبين المخططين للفئات أكبر من العيّنة المخططة.
cohesion-wave-error-weight = أدخل كل حصة نسبةً مئوية من 0 إلى 100.
cohesion-wave-error-weight-sum = مجموع حصص السكان يتجاوز 100 % (أو يساوي صفرًا).
cohesion-wave-survey-title = استطلاع تصوّرات السكان، { $municipality }، { $wave }
cohesion-wave-survey-description = تقييم ذاتي للتماسك الاجتماعي في { $municipality }: كيف يرى السكان، من المجتمع المضيف واللاجئين، العلاقات والبلدية والخدمات والأمان والانتماء. الإجابات مجهولة الهوية: لا تُعرض إلا المجاميع.
audit-action-cohesion-wave-started = بدء جولة تماسك
audit-action-cohesion-wave-scored = احتساب جولة تماسك
cohesion-wave-links = روابط شخصية للسكان
cohesion-wave-links-lead = يتلقى كل ساكن رابطه الخاص بالبريد الإلكتروني: إجابة واحدة لكل رابط، دون حساب. لا تُعرض إلا المجاميع.
cohesion-wave-link-sent = أُرسل الرابط.
cohesion-wave-link-name = اسم الساكن
cohesion-wave-link-email = البريد الإلكتروني للساكن
cohesion-wave-link-locale = لغة الدعوة
cohesion-wave-link-send = إرسال الرابط
cohesion-wave-error-link-closed = اختر جولة تجمع حملتها الإجابات.
cohesion-links-list = عدد كبير من السكان دفعة واحدة
cohesion-links-list-lead = الصق السكان المراد دعوتهم، واحدًا في كل سطر، بحد أقصى { $max } سطر. يتلقى كل منهم رابطه الخاص بالبريد الإلكتروني، باللغة المختارة أدناه.
cohesion-links-list-format = ساكن واحد في كل سطر: amal@example.org، أو Amal Haddad <amal@example.org>، أو Amal Haddad, amal@example.org. ويمكن أن تلي فئةُ الساكن فاصلةً: Amal Haddad, amal@example.org, refugee.
cohesion-links-list-duplicates = إذا كان أي سطر خاطئًا فلا يُرسل أي رابط، ويُذكر كل سطر خاطئ برقمه. العنوان الذي يرد مرتين في القائمة، أو الذي أُرسل إليه رابط لهذه الجولة من قبل، يُتخطّى: لكل عنوان رابط واحد، أي إجابة واحدة.
cohesion-links-list-strata = الفئات التي يمكنك ذكرها:
cohesion-links-list-text = السكان، واحد في كل سطر
cohesion-links-list-send = إرسال الروابط
cohesion-links-list-refused = لم يُرسل شيء. صحّح هذه الأسطر وأرسل القائمة مرة أخرى:
cohesion-links-line = السطر { $line }: { $problem }
cohesion-links-error-format = اكتب عنوانًا، أو اسمًا وعنوانًا، أو اسمًا وعنوانًا وفئة.
cohesion-links-error-email = هذا ليس عنوان بريد إلكتروني.
cohesion-links-error-name = الاسم أطول من 200 حرف.
cohesion-links-error-no-strata = لا فئات في إطار هذه الجولة: احذف الفئة.
cohesion-links-error-stratum = فئة غير معروفة؛ استخدم إحدى: { $strata }.
cohesion-links-error-empty = الصق ساكنًا واحدًا على الأقل.
cohesion-links-error-too-many = في القائمة أكثر من { $max } سطر: أرسلها على أجزاء.
cohesion-links-sent = { $n ->
    [one] أُرسل رابط واحد.
   *[other] أُرسل { $n } من الروابط.
}
cohesion-links-skipped-repeated = تُخطّيت لأنها تكررت في موضع سابق من القائمة: الأسطر { $lines }.
cohesion-links-skipped-already = تُخطّيت لأن رابطًا أُرسل إليها لهذه الجولة من قبل: الأسطر { $lines }.
cohesion-municipal-survey-title = الاستبيان البلدي: { $municipality }، { $wave }
cohesion-municipal-survey-description = سياسات البلدية وخدماتها وبياناتها من أجل التماسك الاجتماعي، يجيب عنها منسّقها مرة في كل جولة.
cohesion-municipal-title = الاستبيان البلدي
cohesion-municipal-lead = تسأل كل جولة البلدية نفسها أيضاً عن سياساتها وخدماتها وبياناتها. يجيب منسّقها مرة في كل جولة، ويمكنه إرفاق وثائق تثبت الإجابة.
cohesion-municipal-answered = تمت الإجابة
cohesion-municipal-not-answered = لم تتم الإجابة بعد
cohesion-municipal-answer = فتح الاستبيان
cohesion-evidence-private = لا يرى الوثائق إلا أفراد البلدية ومنسّقو الشبكة، ولا تراها البلديات الأخرى ولا الجمهور أبداً.
cohesion-evidence-attached = أُرفقت الوثيقة.
cohesion-evidence-none = لم تُرفق أي وثيقة بعد.
cohesion-evidence-about = ما تثبته
cohesion-evidence-whole = الإجابة كاملة
cohesion-evidence-file = الوثيقة
cohesion-evidence-attach = إرفاق الوثيقة
cohesion-evidence-limits = PDF أو Word أو Excel أو PowerPoint أو OpenDocument أو JPEG أو PNG، بحد أقصى { $mb } ميغابايت لكل منها؛ وبحد أقصى { $max } وثيقة لكل جولة.
cohesion-evidence-error-none = اختر وثيقة لإرفاقها.
cohesion-evidence-error-question = اختر سؤالاً من الاستبيان، أو الإجابة كاملة.
cohesion-evidence-error-kind = أرفق وثيقة: PDF أو Word أو Excel أو PowerPoint أو OpenDocument أو JPEG أو PNG.
cohesion-evidence-error-mismatch = محتوى الملف ليس ما يقوله اسمه (امتداده يدل على نوع آخر). غيّر اسمه أو اختر الملف الصحيح.
cohesion-evidence-error-many = تضم هذه الجولة أقصى عدد مسموح به من الوثائق.
cohesion-evidence-remove = إزالة
cohesion-evidence-removed = أُزيلت الوثيقة.
audit-action-cohesion-evidence-attached = إرفاق وثيقة داعمة
audit-action-cohesion-evidence-removed = إزالة وثيقة داعمة
cohesion-strata-title = الروابط الشخصية حسب الفئة
cohesion-strata-lead = لكل جولة تُسمّي خطة عيّنتها فئات: عدد المجيبين المخطط له في كل فئة، والروابط الشخصية المرسلة لها (تذكر القائمة الملصقة فئة كل سطر)، وعدد ما أُجيب من تلك الروابط.
cohesion-stratum = الفئة
cohesion-strata-planned = المجيبون المخططون
cohesion-strata-sent = الروابط المرسلة
cohesion-strata-answered = أُجيب عنها
cohesion-stratum-none = بلا فئة محددة
cohesion-municipal-dashboard = سياسات البلدية وخدماتها
cohesion-municipal-dashboard-lead = إجابات البلدية نفسها على الاستبيان البلدي لأحدث جولة، عن سياساتها وخدماتها وبياناتها.
cohesion-municipal-question = السؤال
cohesion-municipal-answer-column = الإجابة
cohesion-municipal-documents = الوثائق
cohesion-municipal-unanswered = لم تتم الإجابة
cohesion-municipal-no-score = لم يُجب عن أي سؤال
cohesion-municipal-answered-n = { $n ->
    [zero] لم يُجب عن أي سؤال
    [one] أُجيب عن سؤال واحد
    [two] أُجيب عن سؤالين
    [few] أُجيب عن { $n } أسئلة
   *[other] أُجيب عن { $n } سؤالًا
}
cohesion-municipal-unanswered-n = { $n ->
    [one] سؤال واحد بلا إجابة
    [two] سؤالان بلا إجابة
    [few] { $n } أسئلة بلا إجابة
   *[other] { $n } سؤالًا بلا إجابة
}
cohesion-municipal-whole-n = الوثائق المرفقة بالإجابة كاملة: { $n }
cohesion-municipal-not-submitted = لم ترسل البلدية إجاباتها لهذه الجولة بعد.
cohesion-municipal-rule = تُحتسب الإجابة «نعم» 100، و«جزئيًا» 50، و«لا» 0. درجة كل قسم هي متوسط أسئلته المُجاب عنها، ودرجة الاستبيان متوسط كل أسئلته المُجاب عنها؛ أما الأسئلة التي لم يُجب عنها فتُستبعد من الدرجات وتُعدّ.
cohesion-municipal-documents-private = لا يطّلع على الوثائق نفسها إلا أهل البلدية ومنسقو الشبكة؛ ولا يظهر هنا إلا عددها.

## Pictures and charts: the member map, charts of counts, a municipality's position
network-map = الأعضاء على الخريطة
network-map-source = الحدود: Natural Earth (ملك عام). كل نقطة بلدية عضو، والجدول يسردها جميعاً.
network-map-places = { $count ->
    [zero] لا بلدية على الخريطة
    [one] بلدية واحدة على الخريطة
    [two] بلديتان على الخريطة
    [few] { $count } بلديات على الخريطة
   *[other] { $count } بلدية على الخريطة
}
column-municipality = البلدية
network-chart-members = البلديات الأعضاء حسب البلد
network-chart-refugees = اللاجئون المستضافون حسب البلد
network-refugees-none = لم تُبلغ أي بلدية عضو عن عدد اللاجئين بعد، لذلك لا يوجد رسم بياني: فعمود بقيمة صفر سيوحي خطأً بأنه لا يوجد لاجئون مستضافون.
network-refugees-unreported = { $count ->
    [one] بلد واحد لم يُبلَغ عن رقمه، فلا عمود له.
    [two] بلدان لم يُبلَغ عن رقميهما، فلا عمود لهما.
    [few] { $count } بلدان لم يُبلَغ عن أرقامها، فلا أعمدة لها.
   *[other] { $count } بلداً لم يُبلَغ عن أرقامها، فلا أعمدة لها.
}
chart-table-beside = الأرقام نفسها واردة في الجدول المجاور للرسم البياني.
edit-position = الموقع على الخريطة
edit-position-hint = بالدرجات العشرية، مثل 37.0662 و37.3833؛ الجنوب والغرب بقيم سالبة. اترك الحقلين فارغين لإبقائها خارج الخريطة.
edit-latitude = خط العرض
edit-longitude = خط الطول
edit-error-latitude = أدخل خط عرض بين ‎-90 و90 بالدرجات العشرية، أو اترك الإحداثيين فارغين.
edit-error-longitude = أدخل خط طول بين ‎-180 و180 بالدرجات العشرية، أو اترك الإحداثيين فارغين.
picture-title = الصور
picture-none = لا توجد صور بعد.
picture-manage = إضافة صور أو حذفها
picture-add = إضافة صورة
picture-added = أُضيفت الصورة.
picture-deleted = حُذفت الصورة.
picture-delete = حذف
picture-file = الصورة
picture-file-hint = بصيغة JPEG أو PNG أو WebP، بحجم { $size } ميغابايت على الأكثر. تُعرض مصغّرة بحيث لا يتجاوز أي من ضلعيها 640 بكسل.
picture-alt = وصف الصورة (النص البديل)
picture-alt-hint = صِف ما تُظهره الصورة لمن لا يستطيع رؤيتها. الوصف مطلوب باللغة التي تكتب بها، والترجمات اختيارية.
picture-alt-orig = مكتوب باللغة
picture-upload = رفع الصورة
picture-error-none = اختر صورة لرفعها.
picture-error-kind = هذا الملف ليس صورة بصيغة JPEG أو PNG أو WebP.
picture-error-unreadable = تعذّرت قراءة هذه الصورة؛ ربما تكون تالفة.
picture-error-many = بلغ عدد الصور هنا الحدّ المسموح به (12).
picture-error-alt = صِف الصورة باللغة التي اخترتها في «مكتوب باللغة».
picture-error-alt-long = لا يجوز أن يتجاوز كل وصف 300 حرف.
audit-action-picture-added = أُضيفت صورة
audit-action-picture-deleted = حُذفت صورة

## Languages, dates and time zones
event-your-time = بتوقيتك:
time-zone-title = المنطقة الزمنية
time-zone-lead = تعرض صفحات الفعاليات الأوقات بتوقيت مكان انعقادها. اختر منطقتك الزمنية لتراها بتوقيتك أيضًا.
time-zone-field = منطقتك الزمنية
time-zone-hint = اسم مكان من قاعدة بيانات المناطق الزمنية، مثل Europe/Istanbul أو Asia/Beirut. اتركه فارغًا لترى أوقات مكان الانعقاد فقط.
time-zone-saved = حُفظت منطقتك الزمنية.
time-zone-unknown = هذه ليست منطقة زمنية من القائمة. اختر منطقة مثل Europe/Berlin، أو اترك الحقل فارغًا.
time-zone-none = غير محددة (أوقات مكان الانعقاد فقط)
countries-network = بلدان الشبكة
countries-other = بلدان أخرى
demo-stand-in-heading = حول هذا الملف
demo-stand-in-text = يحلّ هذا الملف محلّ الوثيقة الأصلية في الشبكة التجريبية لمنصة «مجلس». تذكر المصادر التي بُنيت عليها النسخة التجريبية هذه الوثيقة بهذه اللغة لكنها لا تتضمّنها، لذلك أُنشئت هذه الصفحة عند تحميل النسخة التجريبية لتجربة القراءة والتنزيل.
demo-stand-in-footer = الشبكة التجريبية لمنصة «مجلس» · ملف بديل، وليس الوثيقة الأصلية
