# Настройки чтения: панель, её элементы и её сообщения.

reading-settings = Настройки чтения
in-force = (вкл.)
close = Закрыть
reading-mode = Режим чтения
reading-mode-on = Режим чтения включён
reading-mode-off = Режим чтения выключен
switch-on = Вкл.
switch-off = Выкл.
reading-mode-off-note = Выключен: статья показана так, как опубликована. Настройки ниже сохраняются до включения; изменение любой из них включает режим.
presets = Наборы
preset-chosen = Набор: { $name }
preset-comfort = Комфорт
preset-large-text = Крупный текст
preset-dyslexia-friendly = При дислексии
preset-high-contrast = Высокий контраст
group-text = Текст
group-page = Страница
group-layout = Макет
text-size = Размер текста
line-height = Межстрочный интервал
letter-spacing = Интервал между буквами
word-spacing = Интервал между словами
paragraph-spacing = Интервал между абзацами
line-width = Длина строки
value-percent = { $value } %
value-normal = обычный
value-characters = { $value ->
    [one] { $value } знак
    [few] { $value } знака
    [many] { $value } знаков
   *[other] { $value } знака
}
font = Шрифт
font-serif = Системный с засечками
font-sans = Системный без засечек
alignment = Выравнивание
alignment-start = По левому краю
alignment-justified = По ширине, с переносами
theme = Тема
theme-system = Как в системе
theme-light = Светлая
theme-sepia = Сепия
theme-dark = Тёмная
theme-high-contrast = Высокий контраст
reduce-motion = Меньше движения (всегда, если этого просит система)
hide-images = Скрыть изображения
simplified-layout = Упрощённый макет (одна колонка)
setting-on = { $setting }: вкл.
setting-off = { $setting }: выкл.
reset = Сбросить настройки
reset-done = Настройки чтения сброшены
not-kept = Эти настройки действуют сейчас, но не сохранятся до следующего визита: { $reason }.
language = Язык
language-automatic = Автоматически
tool-missing = { $tool }: не удалось загрузить этот инструмент. Проверьте подключение и нажмите кнопку ещё раз.
